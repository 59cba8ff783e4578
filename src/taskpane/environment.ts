/**
 * Start-up: which workbook the task pane works on.
 *
 *   1. office.js loaded (`Office` defined): wait for Office.onReady. Host Excel → the Office.js adapter.
 *   2. The page's URL says `?workbook=memory` → an in-memory workbook (demo and test mode), also exposed as
 *      `window.wfpWorkbook` so a test or a curious user can look inside it.
 *   3. Otherwise (a plain browser tab, another Office app, or office.js failed to load) → no workbook: the task
 *      pane explains that it needs Excel.
 *
 * Nothing here touches the network: office.js is loaded by taskpane.html, and the memory workbook lives in the page.
 * Each workbook's code is a chunk of its own, loaded only when that workbook is chosen (the page in Excel never
 * downloads the demo workbook, nor the demo Office's adapter), and only when `open` is called: the pane shows its
 * first view without it and opens the workbook right after (App.tsx).
 */
import type { WorkbookAdapter } from "../excel/adapter";
import type { MemoryWorkbook } from "../excel/memoryWorkbook";

export type Startup =
  /** `open` loads the workbook's code and makes it, once however often it is called. */
  | { readonly kind: "excel"; readonly open: () => Promise<WorkbookAdapter> }
  | { readonly kind: "memory"; readonly open: () => Promise<MemoryWorkbook> }
  /** `host`: the Office app the page was opened in, when it was one but not Excel ("Word"); else null. */
  | {
      readonly kind: "needs-excel";
      readonly host: string | null;
      /** Set when Office.onReady had not answered in time: resolves if it later says Excel. */
      readonly lateExcel?: Promise<WorkbookAdapter>;
    };

/** What start-up looks at; the page's globals by default, stand-ins in tests. */
export interface StartupEnvironment {
  /** The `Office` global, or undefined when office.js is absent. */
  readonly office: Pick<typeof Office, "onReady"> | undefined;
  /** The page's query string, e.g. "?workbook=memory". */
  readonly search: string;
  readonly createExcelAdapter: () => WorkbookAdapter | Promise<WorkbookAdapter>;
  readonly createMemoryWorkbook: () => MemoryWorkbook | Promise<MemoryWorkbook>;
  /** Called with the memory workbook so tests can inspect it (window.wfpWorkbook in the page). */
  readonly exposeMemoryWorkbook: (workbook: MemoryWorkbook) => void;
}

declare global {
  interface Window {
    /** The in-memory workbook in `?workbook=memory` mode; undefined otherwise. */
    wfpWorkbook?: MemoryWorkbook;
  }
}

const officeAdapterCode = () => import(/* webpackChunkName: "workbook-office" */ "../excel/officeAdapter");
const memoryWorkbookCode = () => import(/* webpackChunkName: "workbook-memory" */ "../excel/memoryWorkbook");

export function pageEnvironment(): StartupEnvironment {
  return {
    office: (globalThis as { Office?: typeof Office }).Office,
    search: window.location.search,
    createExcelAdapter: async () => {
      const { OfficeWorkbookAdapter } = await officeAdapterCode();
      return new OfficeWorkbookAdapter();
    },
    // Like a new workbook: one empty sheet, so the demo looks like Excel.
    createMemoryWorkbook: async () => {
      const { MemoryWorkbook } = await memoryWorkbookCode();
      return new MemoryWorkbook({ sheets: ["Sheet1"] });
    },
    exposeMemoryWorkbook: (workbook) => {
      window.wfpWorkbook = workbook;
    },
  };
}

export function wantsMemoryWorkbook(search: string): boolean {
  return new URLSearchParams(search).get("workbook") === "memory";
}

/**
 * How long start-up waits on Office.onReady before deciding without it. Outside Office, onReady answers at once
 * with host null, but a half-loaded office.js can leave it pending for ever.
 */
export const STARTUP_PATIENCE_MS = 8000;

/** Office.onReady's host ("Excel", "Word"…), or null when onReady fails (office.js half-loaded outside Office). */
async function officeHost(office: Pick<typeof Office, "onReady">): Promise<string | null> {
  try {
    const info = await office.onReady();
    // Office.HostType.Excel is the string "Excel"; comparing text avoids needing the enum object at run time.
    return info?.host ? String(info.host) : null;
  } catch {
    return null;
  }
}

const PENDING = Symbol("pending");

/** Decides the workbook, waiting on Office.onReady for at most `patienceMs`. */
export async function chooseWorkbook(env: StartupEnvironment, patienceMs: number = STARTUP_PATIENCE_MS): Promise<Startup> {
  let host: string | null = null;
  let lateExcel: Promise<WorkbookAdapter> | undefined;
  if (env.office) {
    const ready = officeHost(env.office);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const patience = new Promise<typeof PENDING>((resolve) => {
      timer = setTimeout(() => resolve(PENDING), patienceMs);
    });
    const first = await Promise.race([ready, patience]);
    clearTimeout(timer);
    if (first === "Excel") return { kind: "excel", open: once(async () => env.createExcelAdapter()) };
    if (first === PENDING) {
      // Office may still answer; if it says Excel, the needs-Excel screen hands over to the planner.
      lateExcel = ready.then((late) => (late === "Excel" ? env.createExcelAdapter() : new Promise<never>(() => undefined)));
    } else {
      host = first;
    }
  }
  if (wantsMemoryWorkbook(env.search)) {
    const open = once(async () => {
      const workbook = await env.createMemoryWorkbook();
      env.exposeMemoryWorkbook(workbook);
      return workbook;
    });
    return { kind: "memory", open };
  }
  return lateExcel ? { kind: "needs-excel", host, lateExcel } : { kind: "needs-excel", host };
}

/** `make` called at most once: later calls get the first call's promise (a failed one is tried again). */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    });
    return made;
  };
}
