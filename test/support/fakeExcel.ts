/**
 * A fake of the part of the Office.js Excel API that src/excel/officeAdapter.ts uses, backed by the
 * WorkbookStore of the memory workbook (so cells, tables, names and properties follow one model).
 *
 * It behaves like Office where mistakes hide:
 * - every call is queued and only runs at context.sync(), in order;
 * - a property is readable only after load() and a sync (else it throws PropertyNotLoaded), and
 *   `isNullObject` only after a sync;
 * - getItem() of something missing fails at sync with ItemNotFound;
 * - a request whose estimated payload is over 5 MB is refused (RequestPayloadSizeLimitExceeded),
 *   and so is a response over 5 MB;
 * - it counts syncs and records the estimated bytes of every request, for the tests to assert on;
 * - a member the adapter may use must be listed in src/excel/officeApiMembers.ts with its requirement set, and is
 *   refused (ApiNotFound) when that set is above the one this fake is told Excel has (by default what the
 *   manifest declares, REQUIRED_EXCEL_API, which test/excel/requirementSets.test.ts ties to manifest.xml).
 *
 * Byte estimates are the UTF-8 length of each queued call as JSON (object path, property or method,
 * arguments) plus a fixed framing cost: a stand-in for Office's wire format, which is JSON too.
 */
import {
  type StoredChart,
  type StoredConditionalFormat,
  StoreError,
  type StoreName,
  type StoreSheet,
  type StoreTable,
  WorkbookStore,
} from "../../src/excel/memoryWorkbook";
import { apiMember, compareVersions, REQUIRED_EXCEL_API } from "../../src/excel/officeApiMembers";
import { type CellInput, type ConditionalRule, utf8Length } from "../../src/excel/writePlanner";
import { type CellStyle, parseRange, type Rect, rectAddress, rectCells } from "../../src/sheets/plan";

export const EXCEL_WEB_LIMIT_BYTES = 5 * 1024 * 1024;
const ACTION_FRAMING_BYTES = 60;
const REQUEST_FRAMING_BYTES = 200;

export class FakeOfficeError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

export interface RequestLog {
  /** Estimated request payload. */
  readonly bytes: number;
  /** Estimated response payload. */
  readonly responseBytes: number;
  readonly actions: number;
  /** Actions that change the workbook (not loads). */
  readonly writes: number;
}

interface Action {
  readonly path: string;
  readonly write: boolean;
  readonly bytes: number;
  readonly run: () => number | void;
}

/** The ExcelApi version the fake running now offers (see FakeExcel.excelApi). */
let offeredExcelApi = REQUIRED_EXCEL_API;

/**
 * Called by every guarded member: refuses one the adapter's list doesn't declare, or one above the offered set.
 * https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */
function requireMember(member: string): void {
  const known = apiMember(member);
  if (!known) throw new Error(`fakeExcel: ${member} is not in src/excel/officeApiMembers.ts; list it there with its requirement set`);
  if (compareVersions(known.version, offeredExcelApi) > 0) {
    throw new FakeOfficeError("ApiNotFound", `${member} needs ExcelApi ${known.version}; this Excel offers ExcelApi ${offeredExcelApi}`);
  }
}

/** Guards the named methods and accessors of a fake class as the Office.js members `api.name`. */
function guard(cls: { prototype: object }, api: string, names: readonly string[]): void {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(cls.prototype, name);
    if (!d) throw new Error(`fakeExcel: ${api} has no ${name} to guard`);
    const member = `${api}.${name}`;
    const wrapped: PropertyDescriptor = { ...d };
    if (typeof d.value === "function") {
      const fn = d.value as (...args: unknown[]) => unknown;
      wrapped.value = function (this: unknown, ...args: unknown[]) {
        requireMember(member);
        return fn.apply(this, args);
      };
    }
    if (d.get) {
      const get = d.get;
      wrapped.get = function (this: unknown) {
        requireMember(member);
        return get.call(this);
      };
    }
    if (d.set) {
      const set = d.set;
      wrapped.set = function (this: unknown, v: unknown) {
        requireMember(member);
        set.call(this, v);
      };
    }
    Object.defineProperty(cls.prototype, name, wrapped);
  }
}

/** An object-valued member set in a constructor, guarded like the others. */
function guardedField<T>(target: object, name: string, member: string, value: T): void {
  Object.defineProperty(target, name, {
    get: () => {
      requireMember(member);
      return value;
    },
    configurable: true,
    enumerable: true,
  });
}

export class FakeExcel {
  readonly store: WorkbookStore;
  readonly requests: RequestLog[] = [];
  /** Makes the action whose path matches fail with this error code, to test failure handling. */
  failWhen: ((path: string) => string | null) | null = null;
  /** The ExcelApi requirement set this Excel has: a member from a higher set is refused with ApiNotFound. */
  excelApi: string;
  /** What the user has selected (Workbook.getSelectedRange); null: the first sheet's A1, as Excel always has an active cell. */
  selection: { readonly sheet: string; readonly address: string } | null = null;

  constructor(store: WorkbookStore = new WorkbookStore(), options: { excelApi?: string } = {}) {
    this.store = store;
    this.excelApi = options.excelApi ?? REQUIRED_EXCEL_API;
  }

  get syncs(): number {
    return this.requests.length;
  }

  get writeRequests(): RequestLog[] {
    return this.requests.filter((r) => r.writes > 0);
  }

  reset(): void {
    this.requests.length = 0;
  }

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    offeredExcelApi = this.excelApi;
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    // Excel.run sends whatever is still queued when the batch returns.
    if (context.pending > 0) await context.sync();
    return result;
  };

  /** Sets globalThis.Excel to this fake; returns the undo. */
  install(): () => void {
    const g = globalThis as unknown as { Excel?: unknown };
    const before = g.Excel;
    g.Excel = { run: this.run };
    return () => {
      g.Excel = before;
    };
  }
}

class FakeContext {
  private queue: Action[] = [];
  readonly workbook: FakeWorkbook;
  /** Response bytes of the sync being run. */
  responseBytes = 0;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get store(): WorkbookStore {
    return this.excel.store;
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(path: string, payload: unknown, write: boolean, run: () => number | void): void {
    const bytes = ACTION_FRAMING_BYTES + utf8Length(path) + (payload === undefined ? 0 : utf8Length(JSON.stringify(payload)));
    this.queue.push({ path, write, bytes, run });
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const bytes = REQUEST_FRAMING_BYTES + actions.reduce((n, a) => n + a.bytes, 0);
    this.responseBytes = 0;
    const log = { bytes, responseBytes: 0, actions: actions.length, writes: actions.filter((a) => a.write).length };
    this.excel.requests.push(log);
    await Promise.resolve();
    if (bytes > EXCEL_WEB_LIMIT_BYTES) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes}) has exceeded the limit.`);
    }
    for (const action of actions) {
      const injected = this.excel.failWhen?.(action.path);
      if (injected) throw new FakeOfficeError(injected, `Injected failure at ${action.path}`);
      try {
        this.responseBytes += action.run() ?? 0;
      } catch (error) {
        if (error instanceof StoreError) throw new FakeOfficeError(error.code, error.message);
        throw error;
      }
    }
    log.responseBytes = this.responseBytes;
    if (this.responseBytes > EXCEL_WEB_LIMIT_BYTES) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${this.responseBytes}) has exceeded the limit.`);
    }
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** "items/name, items/address" or ["name"] or { select: "name" } → property names. */
function parseLoad(props: unknown, collection: boolean): string[] {
  let list: string[];
  if (props === undefined) list = [];
  else if (typeof props === "string") list = props.split(",");
  else if (Array.isArray(props)) list = props.map(String);
  else if (typeof props === "object" && props !== null && "select" in props) list = String((props as { select: string }).select).split(",");
  else throw new Error("fakeExcel: unsupported load() argument");
  return list
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => {
      const path = collection ? p.replace(/^items\//, "") : p;
      if (path.includes("/")) throw new Error(`fakeExcel: load path "${p}" (navigation) is not modelled`);
      return path;
    });
}

/**
 * A proxy: bound to its target when its first queued action runs (like Office's object paths),
 * holding only the properties loaded by a completed sync.
 */
abstract class FakeObject<T> {
  private target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();
  private synced = false;

  constructor(
    protected readonly ctx: FakeContext,
    protected readonly path: string,
    private readonly resolver: () => T | null,
    nullable = false,
  ) {
    // *OrNullObject proxies learn whether they are null at the next sync, load() or not.
    if (nullable) ctx.enqueue(`${path}.resolve`, undefined, false, () => void this.tryResolve());
  }

  protected tryResolve(): T | null {
    if (this.target === undefined) this.target = this.resolver();
    this.synced = true;
    return this.target;
  }

  protected resolve(): T {
    const t = this.tryResolve();
    if (t === null) throw new FakeOfficeError("ItemNotFound", `${this.path} doesn't exist`);
    return t;
  }

  get isNullObject(): boolean {
    if (!this.synced) throw notLoaded("isNullObject");
    return this.target === null;
  }

  protected abstract readonly properties: readonly string[];
  protected abstract read(target: T, prop: string): unknown;

  load(props?: unknown): this {
    const list = parseLoad(props, false);
    const wanted = list.length > 0 ? list : [...this.properties];
    for (const p of wanted) if (!this.properties.includes(p)) throw new Error(`fakeExcel: ${this.path} has no loadable property "${p}"`);
    this.ctx.enqueue(`${this.path}.load(${wanted.join(",")})`, undefined, false, () => {
      const t = this.tryResolve();
      if (t === null) return 0;
      let bytes = 0;
      for (const p of wanted) {
        const v = this.read(t, p);
        this.loaded.set(p, v);
        bytes += utf8Length(JSON.stringify(v) ?? "null");
      }
      return bytes;
    });
    return this;
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  /** Queues a change to the target. */
  protected write(member: string, payload: unknown, apply: (target: T) => void): void {
    // Braces, not an expression: an `apply` like `(t) => (t.name = v)` returns v, which would count as response bytes.
    this.ctx.enqueue(`${this.path}.${member}`, payload, true, () => {
      apply(this.resolve());
    });
  }

  /** For children bound to this object's target. */
  protected child<C>(resolver: (target: T) => C | null): () => C | null {
    return () => {
      const t = this.tryResolve();
      return t === null ? null : resolver(t);
    };
  }

  /** Marks loaded values for proxies made from a collection load. */
  protected seed(target: T, props: readonly string[]): number {
    this.target = target;
    this.synced = true;
    let bytes = 0;
    for (const p of props) {
      const v = this.read(target, p);
      this.loaded.set(p, v);
      bytes += utf8Length(JSON.stringify(v) ?? "null");
    }
    return bytes;
  }

  static seedFrom<T>(proxy: FakeObject<T>, target: T, props: readonly string[]): number {
    return proxy.seed(target, props);
  }
}

/** A collection: `items` exist only after load(). */
abstract class FakeCollection<T, P extends FakeObject<T>> {
  private loadedItems: P[] | null = null;

  constructor(
    protected readonly ctx: FakeContext,
    protected readonly path: string,
  ) {}

  protected abstract list(): readonly T[];
  protected abstract proxy(target: T, path: string): P;
  protected abstract readonly itemProperties: readonly string[];

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  load(props?: unknown): this {
    const list = parseLoad(props, true);
    const wanted = list.length > 0 ? list : [...this.itemProperties];
    this.ctx.enqueue(`${this.path}.load(${wanted.join(",")})`, undefined, false, () => {
      let bytes = 0;
      this.loadedItems = this.list().map((t, i) => {
        const p = this.proxy(t, `${this.path}[${i}]`);
        bytes += FakeObject.seedFrom(p, t, wanted);
        return p;
      });
      return bytes;
    });
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets
// ---------------------------------------------------------------------------------------------

class FakeWorkbook {
  declare readonly worksheets: FakeWorksheetCollection;
  declare readonly tables: FakeTableCollection;
  declare readonly names: FakeNamedItemCollection;

  constructor(private readonly ctx: FakeContext) {
    guardedField(this, "worksheets", "Excel.Workbook.worksheets", new FakeWorksheetCollection(ctx));
    guardedField(this, "tables", "Excel.Workbook.tables", new FakeTableCollection(ctx, "workbook.tables", null));
    guardedField(this, "names", "Excel.Workbook.names", new FakeNamedItemCollection(ctx));
  }

  /** The selected range; a selection on a sheet that is not there fails at sync (ItemNotFound). */
  getSelectedRange(): FakeRange {
    const selected = (): { sheet: StoreSheet; rect: Rect } | null => {
      const store = this.ctx.store;
      const selection = this.ctx.excel.selection ?? { sheet: store.sheets()[0]?.name ?? "", address: "A1" };
      const sheet = store.findSheet(selection.sheet);
      return sheet ? { sheet, rect: parseRange(selection.address) } : null;
    };
    this.ctx.enqueue("workbook.getSelectedRange", undefined, false, () => {
      if (!selected()) throw new FakeOfficeError("ItemNotFound", "The selection is on a sheet that doesn't exist");
    });
    return new FakeRange(this.ctx, "workbook.getSelectedRange", selected);
  }
}
guard(FakeWorkbook, "Excel.Workbook", ["getSelectedRange"]);

class FakeWorksheetCollection extends FakeCollection<StoreSheet, FakeWorksheet> {
  protected readonly itemProperties = ["name", "id", "position"] as const;

  constructor(ctx: FakeContext) {
    super(ctx, "workbook.worksheets");
  }

  protected list(): readonly StoreSheet[] {
    return this.ctx.store.sheets();
  }

  protected proxy(target: StoreSheet, path: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, path, () => target);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets(${name})`, () => this.ctx.store.findSheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets(${name})`, () => this.ctx.store.findSheet(name), true);
  }

  add(name: string): FakeWorksheet {
    let created: StoreSheet | null = null;
    this.ctx.enqueue(`${this.path}.add`, [name], true, () => {
      created = this.ctx.store.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, `worksheets(${name})`, () => created);
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FakeWorksheet extends FakeObject<StoreSheet> {
  protected readonly properties = ["name", "id", "position", "tabColor"] as const;
  declare readonly customProperties: FakeCustomPropertyCollection;
  declare readonly tables: FakeTableCollection;
  declare readonly freezePanes: { freezeRows: (count?: number) => void; unfreeze: () => void };
  declare readonly pageLayout: FakePageLayout;
  declare readonly charts: FakeChartCollection;

  constructor(ctx: FakeContext, path: string, resolver: () => StoreSheet | null, nullable = false) {
    super(ctx, path, resolver, nullable);
    guardedField(this, "charts", "Excel.Worksheet.charts", new FakeChartCollection(ctx, `${path}.charts`, this.child((s) => s)));
    guardedField(this, "customProperties", "Excel.Worksheet.customProperties", new FakeCustomPropertyCollection(ctx, `${path}.customProperties`, this.child((s) => s)));
    guardedField(this, "tables", "Excel.Worksheet.tables", new FakeTableCollection(ctx, `${path}.tables`, this.child((s) => s)));
    guardedField(this, "freezePanes", "Excel.Worksheet.freezePanes", {
      freezeRows: (count = 1) => {
        requireMember("Excel.WorksheetFreezePanes.freezeRows");
        this.write("freezePanes.freezeRows", [count], (s) => void (s.frozenRows = count));
      },
      unfreeze: () => {
        requireMember("Excel.WorksheetFreezePanes.unfreeze");
        this.write("freezePanes.unfreeze", [], (s) => void (s.frozenRows = 0));
      },
    });
    guardedField(this, "pageLayout", "Excel.Worksheet.pageLayout", new FakePageLayout((member, payload, apply) => this.write(`pageLayout.${member}`, payload, apply)));
  }

  protected read(s: StoreSheet, prop: string): unknown {
    if (prop === "name") return s.name;
    if (prop === "id") return s.id;
    if (prop === "position") return this.ctx.store.sheets().indexOf(s);
    return s.tabColor ?? "";
  }

  get name(): string {
    return this.get("name");
  }

  set name(value: string) {
    this.write("name", value, (s) => this.ctx.store.renameSheet(s, value));
  }

  get position(): number {
    return this.get("position");
  }

  get id(): string {
    return this.get("id");
  }

  set tabColor(value: string) {
    this.write("tabColor", value, (s) => void (s.tabColor = value));
  }

  getRange(address: string): FakeRange {
    const rect = parseRange(address);
    return new FakeRange(this.ctx, `${this.path}.getRange(${address})`, this.child((sheet) => ({ sheet, rect })));
  }
}

// ---------------------------------------------------------------------------------------------
// Charts: the subset the adapter uses (ExcelApi 1.1 add/place/delete, 1.7 series)
// ---------------------------------------------------------------------------------------------

interface ChartRef {
  readonly sheet: StoreSheet;
  readonly chart: StoredChart;
}

class FakeChartCollection {
  private loadedItems: FakeChart[] | null = null;

  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly sheet: () => StoreSheet | null,
  ) {}

  private requireSheet(): StoreSheet {
    const s = this.sheet();
    if (!s) throw new FakeOfficeError("ItemNotFound", `${this.path}: no such sheet`);
    return s;
  }

  get items(): FakeChart[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  load(props?: unknown): this {
    const wanted = parseLoad(props, true);
    for (const p of wanted) if (p !== "name") throw new Error(`fakeExcel: charts load "${p}" is not supported`);
    this.ctx.enqueue(`${this.path}.load(name)`, undefined, false, () => {
      const s = this.requireSheet();
      this.loadedItems = s.charts.map((c, i) => {
        const proxy = new FakeChart(this.ctx, `${this.path}[${i}]`, () => ({ sheet: s, chart: c }));
        FakeObject.seedFrom(proxy, { sheet: s, chart: c }, ["name"]);
        return proxy;
      });
      return utf8Length(JSON.stringify(s.charts.map((c) => c.name)));
    });
    return this;
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.ctx, `${this.path}(${name})`, () => {
      const s = this.requireSheet();
      const chart = s.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
      return chart ? { sheet: s, chart } : null;
    });
  }

  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    let made: ChartRef | null = null;
    this.ctx.enqueue(`${this.path}.add`, [type, seriesBy], true, () => {
      const s = this.requireSheet();
      const values = FakeRange.addressOf(source);
      const chart: StoredChart = {
        name: `Chart ${s.charts.length + 1}`,
        type: type as StoredChart["type"],
        title: "",
        series: [{ name: "Series1", values, categories: null }],
        position: null,
        width: null,
        height: null,
      };
      s.charts.push(chart);
      made = { sheet: s, chart };
    });
    return new FakeChart(this.ctx, `${this.path}.add()`, () => made);
  }
}

class FakeChart extends FakeObject<ChartRef> {
  protected readonly properties = ["name"] as const;
  readonly title: { text: string };
  readonly series: { getItemAt: (i: number) => FakeChartSeries; add: (name: string) => FakeChartSeries };

  constructor(ctx: FakeContext, path: string, resolver: () => ChartRef | null) {
    super(ctx, path, resolver);
    const write = (member: string, payload: unknown, apply: (r: ChartRef) => void) => this.write(member, payload, apply);
    this.title = {
      set text(value: string) {
        write("title.text", value, (r) => void (r.chart.title = value));
      },
      get text(): string {
        throw notLoaded("title.text");
      },
    };
    this.series = {
      getItemAt: (i) => {
        requireMember("Excel.ChartSeriesCollection.getItemAt");
        return new FakeChartSeries(write, `series(${i})`, (r) => r.chart.series[i] ?? null);
      },
      add: (name) => {
        requireMember("Excel.ChartSeriesCollection.add");
        let index = -1;
        write("series.add", [name], (r) => {
          r.chart.series.push({ name, values: "", categories: null });
          index = r.chart.series.length - 1;
        });
        return new FakeChartSeries(write, "series.add()", (r) => r.chart.series[index] ?? null);
      },
    };
  }

  protected read(r: ChartRef): unknown {
    return r.chart.name;
  }

  get name(): string {
    return this.get("name");
  }

  set name(value: string) {
    this.write("name", value, (r) => void (r.chart.name = value));
  }

  set width(value: number) {
    this.write("width", value, (r) => void (r.chart.width = value));
  }

  set height(value: number) {
    this.write("height", value, (r) => void (r.chart.height = value));
  }

  setPosition(startCell: string): void {
    this.write("setPosition", [startCell], (r) => void (r.chart.position = startCell));
  }

  delete(): void {
    this.write("delete", [], (r) => r.sheet.charts.splice(r.sheet.charts.indexOf(r.chart), 1));
  }
}

class FakeChartSeries {
  constructor(
    private readonly write: (member: string, payload: unknown, apply: (r: ChartRef) => void) => void,
    private readonly path: string,
    private readonly pick: (r: ChartRef) => StoredChart["series"][number] | null,
  ) {}

  private at(r: ChartRef): StoredChart["series"][number] {
    const s = this.pick(r);
    if (!s) throw new FakeOfficeError("ItemNotFound", `${this.path} doesn't exist`);
    return s;
  }

  set name(value: string) {
    this.write(`${this.path}.name`, value, (r) => void (this.at(r).name = value));
  }

  setValues(range: FakeRange): void {
    this.write(`${this.path}.setValues`, [], (r) => void (this.at(r).values = FakeRange.addressOf(range)));
  }

  setXAxisValues(range: FakeRange): void {
    this.write(`${this.path}.setXAxisValues`, [], (r) => void (this.at(r).categories = FakeRange.addressOf(range)));
  }
}

class FakePageLayout {
  constructor(private readonly write: (member: string, payload: unknown, apply: (s: StoreSheet) => void) => void) {}

  set orientation(value: "Portrait" | "Landscape") {
    this.write("orientation", value, (s) => void (s.page.orientation = value));
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.write("zoom", value, (s) => void (s.page.fitToPagesWide = value.horizontalFitToPages ?? null));
  }

  setPrintTitleRows(rows: string): void {
    this.write("setPrintTitleRows", [rows], (s) => void (s.page.printTitleRows = rows));
  }
}

// ---------------------------------------------------------------------------------------------
// Custom properties
// ---------------------------------------------------------------------------------------------

interface PropertyRef {
  readonly sheet: StoreSheet;
  readonly key: string;
}

class FakeCustomPropertyCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly sheet: () => StoreSheet | null,
  ) {}

  private requireSheet(): StoreSheet {
    const s = this.sheet();
    if (!s) throw new FakeOfficeError("ItemNotFound", `${this.path}: no such sheet`);
    return s;
  }

  add(key: string, value: string): FakeCustomProperty {
    this.ctx.enqueue(`${this.path}.add`, [key, value], true, () => {
      this.ctx.store.setProperty(this.requireSheet(), key, value);
    });
    return this.getItem(key);
  }

  getItem(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.ctx, `${this.path}(${key})`, () => this.find(key));
  }

  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.ctx, `${this.path}(${key})`, () => this.find(key), true);
  }

  private find(key: string): PropertyRef | null {
    const s = this.requireSheet();
    return this.ctx.store.getProperty(s, key) === null ? null : { sheet: s, key };
  }
}

class FakeCustomProperty extends FakeObject<PropertyRef> {
  protected readonly properties = ["key", "value"] as const;

  protected read(p: PropertyRef, prop: string): unknown {
    return prop === "key" ? p.sheet.properties.get(p.key.toLowerCase())?.key : this.ctx.store.getProperty(p.sheet, p.key);
  }

  get key(): string {
    return this.get("key");
  }

  get value(): string {
    return this.get("value");
  }

  set value(v: string) {
    this.write("value", v, (p) => this.ctx.store.setProperty(p.sheet, p.key, v));
  }

  delete(): void {
    this.write("delete", [], (p) => this.ctx.store.deleteProperty(p.sheet, p.key));
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------

interface RangeRef {
  readonly sheet: StoreSheet;
  readonly rect: Rect;
}

const H_ALIGN: Record<string, CellStyle["horizontalAlignment"]> = { Left: "left", Center: "center", Right: "right" };
const V_ALIGN: Record<string, CellStyle["verticalAlignment"]> = { Top: "top", Center: "center", Bottom: "bottom" };

class FakeRange extends FakeObject<RangeRef> {
  /** The sheet-local address a range proxy stands for, resolved at sync time (charts take ranges). */
  static addressOf(range: FakeRange): string {
    return rectAddress(range.resolve().rect);
  }

  protected readonly properties = ["address", "values", "formulas", "numberFormat", "rowCount", "columnCount"] as const;
  declare readonly format: FakeRangeFormat;
  declare readonly dataValidation: FakeDataValidation;
  declare readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(ctx: FakeContext, path: string, resolver: () => RangeRef | null, nullable = false) {
    super(ctx, path, resolver, nullable);
    const write = (member: string, payload: unknown, apply: (r: RangeRef) => void): void => this.write(member, payload, apply);
    guardedField(this, "format", "Excel.Range.format", new FakeRangeFormat(ctx, write));
    guardedField(this, "dataValidation", "Excel.Range.dataValidation", new FakeDataValidation(ctx, write));
    guardedField(this, "conditionalFormats", "Excel.Range.conditionalFormats", new FakeConditionalFormatCollection(ctx, `${path}.conditionalFormats`, write));
  }

  private cells<V>(r: RangeRef, pick: (row: number, col: number) => V): V[][] {
    if (rectCells(r.rect) > 5_000_000) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "Range too large to load");
    const out: V[][] = [];
    for (let row = r.rect.top; row <= r.rect.bottom; row++) {
      const line: V[] = [];
      for (let col = r.rect.left; col <= r.rect.right; col++) line.push(pick(row, col));
      out.push(line);
    }
    return out;
  }

  protected read(r: RangeRef, prop: string): unknown {
    const store = this.ctx.store;
    switch (prop) {
      case "address":
        return `${quoteSheet(r.sheet.name)}!${rectAddress(r.rect)}`;
      case "rowCount":
        return r.rect.bottom - r.rect.top + 1;
      case "columnCount":
        return r.rect.right - r.rect.left + 1;
      case "values":
        // Nothing is calculated: a formula cell reads "" here.
        return this.cells(r, (row, col) => store.getCell(r.sheet, row, col).value ?? "");
      case "formulas":
        return this.cells(r, (row, col) => {
          const c = store.getCell(r.sheet, row, col);
          return c.formula ?? c.value ?? "";
        });
      default:
        return this.cells(r, (row, col) => store.getCell(r.sheet, row, col).numberFormat);
    }
  }

  get address(): string {
    return this.get("address");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  // A single value (not a 2-D array) applies to every cell of the range:
  // https://learn.microsoft.com/en-us/office/dev/add-ins/excel/performance#update-all-cells-in-a-range
  set values(v: unknown[][]) {
    this.write("values", v, (r) => this.inputs(r, v));
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v, (r) => this.inputs(r, v));
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v, (r) =>
      Array.isArray(v) ? this.ctx.store.setNumberFormats(r.sheet, r.rect, v as (string | null)[][]) : this.ctx.store.fillNumberFormat(r.sheet, r.rect, String(v)),
    );
  }

  private inputs(r: RangeRef, v: unknown): void {
    if (Array.isArray(v)) this.ctx.store.setInputs(r.sheet, r.rect, v as (CellInput | null)[][]);
    else this.ctx.store.fillInputs(r.sheet, r.rect, v as CellInput);
  }

  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.write("clear", [applyTo], (r) => this.ctx.store.clear(r.sheet, r.rect, applyTo));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject`,
      this.child((r) => {
        const used = this.ctx.store.usedRange(r.sheet, r.rect, valuesOnly);
        return used ? { sheet: r.sheet, rect: used } : null;
      }),
      true,
    );
  }
}

/** Format properties are write-only here: the adapter never reads them, and a read would need a load. */
class FakeRangeFormat {
  readonly font: { bold: boolean; italic: boolean; size: number; color: string };
  readonly fill: { color: string };

  constructor(
    private readonly ctx: FakeContext,
    private readonly writeRange: Writer,
  ) {
    const style = (member: string, value: unknown, s: CellStyle): void => this.style(member, value, s);
    this.font = {
      get bold(): boolean {
        throw notLoaded("bold");
      },
      set bold(v: boolean) {
        style("font.bold", v, { bold: v });
      },
      get italic(): boolean {
        throw notLoaded("italic");
      },
      set italic(v: boolean) {
        style("font.italic", v, { italic: v });
      },
      get size(): number {
        throw notLoaded("size");
      },
      set size(v: number) {
        style("font.size", v, { fontSize: v });
      },
      get color(): string {
        throw notLoaded("color");
      },
      set color(v: string) {
        style("font.color", v, { fontColor: v });
      },
    };
    this.fill = {
      get color(): string {
        throw notLoaded("color");
      },
      set color(v: string) {
        style("fill.color", v, { fill: v });
      },
    };
  }

  private style(member: string, value: unknown, s: CellStyle): void {
    this.writeRange(`format.${member}`, value, (r) => this.ctx.store.setStyle(r.sheet, r.rect, s));
  }

  get wrapText(): boolean {
    throw notLoaded("wrapText");
  }

  set wrapText(v: boolean) {
    this.style("wrapText", v, { wrap: v });
  }

  get horizontalAlignment(): string {
    throw notLoaded("horizontalAlignment");
  }

  set horizontalAlignment(v: string) {
    const a = H_ALIGN[v];
    if (!a) throw new FakeOfficeError("InvalidArgument", `horizontalAlignment "${v}"`);
    this.style("horizontalAlignment", v, { horizontalAlignment: a });
  }

  get verticalAlignment(): string {
    throw notLoaded("verticalAlignment");
  }

  set verticalAlignment(v: string) {
    const a = V_ALIGN[v];
    if (!a) throw new FakeOfficeError("InvalidArgument", `verticalAlignment "${v}"`);
    this.style("verticalAlignment", v, { verticalAlignment: a });
  }

  get columnWidth(): number {
    throw notLoaded("columnWidth");
  }

  set columnWidth(points: number) {
    this.writeRange("format.columnWidth", points, (r) => {
      for (let c = r.rect.left; c <= r.rect.right; c++) r.sheet.columnWidths.set(c, points);
    });
  }
}

class FakeDataValidation {
  constructor(
    private readonly ctx: FakeContext,
    private readonly writeRange: Writer,
  ) {}

  clear(): void {
    this.writeRange("dataValidation.clear", [], (r) => this.ctx.store.clearValidation(r.sheet, r.rect));
  }

  set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
    if (!rule.list) throw new Error("fakeExcel: only list validation is modelled");
    const list = rule.list;
    this.writeRange("dataValidation.rule", rule, (r) => this.ctx.store.setListValidation(r.sheet, r.rect, list.source));
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats
// ---------------------------------------------------------------------------------------------

type Writer = (member: string, payload: unknown, apply: (r: RangeRef) => void) => void;

class FakeConditionalFormatCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly writeRange: Writer,
  ) {}

  add(type: string): FakeConditionalFormat {
    const holder: { cf: StoredConditionalFormat | null } = { cf: null };
    const initial: Record<string, ConditionalRule> = {
      CellValue: { type: "cellValue", operator: "Invalid", formula1: "", formula2: null, fill: "", fontColor: null },
      ContainsText: { type: "textContains", text: "", fill: "", fontColor: null },
      ColorScale: {
        type: "colorScale",
        minimum: { type: "lowestValue", value: null, color: "" },
        midpoint: null,
        maximum: { type: "highestValue", value: null, color: "" },
      },
    };
    const rule = initial[type];
    if (!rule) throw new Error(`fakeExcel: conditional format type "${type}" is not modelled`);
    this.writeRange("conditionalFormats.add", [type], (r) => {
      holder.cf = this.ctx.store.addConditionalFormat(r.sheet, r.rect, { ...rule });
    });
    return new FakeConditionalFormat(this.ctx, `${this.path}.add(${type})`, holder);
  }

  clearAll(): void {
    this.writeRange("conditionalFormats.clearAll", [], (r) => this.ctx.store.clearConditionalFormats(r.sheet, r.rect));
  }
}

const SCALE_TYPES: Record<string, "lowestValue" | "highestValue" | "number" | "percent" | "percentile"> = {
  LowestValue: "lowestValue",
  HighestValue: "highestValue",
  Number: "number",
  Percent: "percent",
  Percentile: "percentile",
};

class FakeConditionalFormat {
  readonly cellValue: FakeRuleFormat;
  readonly textComparison: FakeRuleFormat;
  readonly colorScale: { criteria: unknown };

  constructor(ctx: FakeContext, path: string, holder: { cf: StoredConditionalFormat | null }) {
    const update = (member: string, payload: unknown, change: (rule: Record<string, unknown>) => void): void =>
      ctx.enqueue(`${path}.${member}`, payload, true, () => {
        if (!holder.cf) throw new FakeOfficeError("InvalidOperation", `${path} was never added`);
        const next = { ...(holder.cf.rule as unknown as Record<string, unknown>) };
        change(next);
        holder.cf.rule = next as unknown as ConditionalRule;
      });
    this.cellValue = new FakeRuleFormat("cellValue", update, (rule, next) => {
      const r = rule as { operator: string; formula1: string; formula2?: string };
      next.operator = r.operator;
      next.formula1 = r.formula1;
      next.formula2 = r.formula2 ?? null;
    });
    this.textComparison = new FakeRuleFormat("textComparison", update, (rule, next) => {
      const r = rule as { operator: string; text: string };
      if (r.operator !== "Contains") throw new FakeOfficeError("InvalidArgument", `text operator ${r.operator} not modelled`);
      next.text = r.text;
    });
    const criterion = (c: { type: string; formula?: string; color?: string }): unknown => ({
      type: SCALE_TYPES[c.type] ?? "invalid",
      value: c.formula === undefined ? null : Number(c.formula),
      color: c.color ?? "",
    });
    this.colorScale = {
      set criteria(v: { minimum: { type: string; formula?: string; color?: string }; midpoint?: { type: string; formula?: string; color?: string }; maximum: { type: string; formula?: string; color?: string } }) {
        update("colorScale.criteria", v, (next) => {
          next.minimum = criterion(v.minimum);
          next.midpoint = v.midpoint ? criterion(v.midpoint) : null;
          next.maximum = criterion(v.maximum);
        });
      },
      get criteria(): unknown {
        throw notLoaded("criteria");
      },
    };
  }
}

class FakeRuleFormat {
  readonly format: { fill: { color: string }; font: { color: string } };

  constructor(
    name: string,
    update: (member: string, payload: unknown, change: (rule: Record<string, unknown>) => void) => void,
    private readonly applyRule: (rule: unknown, next: Record<string, unknown>) => void,
  ) {
    this.update = (payload, change) => update(`${name}.rule`, payload, change);
    this.format = {
      fill: {
        set color(v: string) {
          update(`${name}.format.fill.color`, v, (next) => void (next.fill = v));
        },
        get color(): string {
          throw notLoaded("color");
        },
      },
      font: {
        set color(v: string) {
          update(`${name}.format.font.color`, v, (next) => void (next.fontColor = v));
        },
        get color(): string {
          throw notLoaded("color");
        },
      },
    };
  }

  private readonly update: (payload: unknown, change: (rule: Record<string, unknown>) => void) => void;

  set rule(rule: unknown) {
    this.update(rule, (next) => this.applyRule(rule, next));
  }
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

class FakeTableCollection extends FakeCollection<StoreTable, FakeTable> {
  protected readonly itemProperties = ["name", "style", "showTotals"] as const;

  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: (() => StoreSheet | null) | null,
  ) {
    super(ctx, path);
  }

  protected list(): readonly StoreTable[] {
    const all = this.ctx.store.tables();
    if (!this.sheet) return all;
    const s = this.sheet();
    return all.filter((t) => t.sheet === s);
  }

  protected proxy(target: StoreTable, path: string): FakeTable {
    return new FakeTable(this.ctx, path, () => target);
  }

  private find(name: string): StoreTable | null {
    return this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  getItem(name: string): FakeTable {
    return new FakeTable(this.ctx, `${this.path}(${name})`, () => this.find(name));
  }

  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.ctx, `${this.path}(${name})`, () => this.find(name), true);
  }

  add(address: string, hasHeaders: boolean): FakeTable {
    if (!this.sheet) throw new Error("fakeExcel: workbook.tables.add needs a sheet-qualified address; use worksheet.tables.add");
    const sheetOf = this.sheet;
    let created: StoreTable | null = null;
    this.ctx.enqueue(`${this.path}.add`, [address, hasHeaders], true, () => {
      const s = sheetOf();
      if (!s) throw new FakeOfficeError("ItemNotFound", `${this.path}: no such sheet`);
      created = this.ctx.store.addTable(s, parseRange(address), hasHeaders);
    });
    return new FakeTable(this.ctx, `${this.path}.add(${address})`, () => created);
  }
}

class FakeTable extends FakeObject<StoreTable> {
  protected readonly properties = ["name", "style", "showTotals"] as const;

  protected read(t: StoreTable, prop: string): unknown {
    if (prop === "name") return t.name;
    if (prop === "style") return t.style ?? "";
    return t.showTotals;
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.write("name", v, (t) => this.ctx.store.renameTable(t, v));
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.write("style", v, (t) => void (t.style = v));
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  set showTotals(v: boolean) {
    this.write("showTotals", v, (t) => this.ctx.store.setShowTotals(t, v));
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.worksheet`, this.child((t) => t.sheet));
  }

  private rangeOf(member: string, rect: (t: StoreTable) => Rect): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.${member}`, this.child((t) => ({ sheet: t.sheet, rect: rect(t) })));
  }

  getRange(): FakeRange {
    return this.rangeOf("getRange()", (t) => t.rect);
  }

  getHeaderRowRange(): FakeRange {
    return this.rangeOf("getHeaderRowRange()", (t) => ({ ...t.rect, bottom: t.rect.top }));
  }

  getDataBodyRange(): FakeRange {
    return this.rangeOf("getDataBodyRange()", (t) => this.ctx.store.tableBody(t));
  }

  resize(range: FakeRange | string): void {
    const payload = typeof range === "string" ? range : "[Range]";
    this.write("resize", [payload], (t) => {
      const rect = typeof range === "string" ? parseRange(range) : FakeRangeAccess.rectOf(range);
      this.ctx.store.resizeTable(t, rect);
    });
  }

  convertToRange(): FakeRange {
    this.write("convertToRange", [], (t) => this.ctx.store.convertTableToRange(t));
    return this.getRange();
  }

  delete(): void {
    this.write("delete", [], (t) => {
      this.ctx.store.clear(t.sheet, t.rect, "All");
      this.ctx.store.convertTableToRange(t);
    });
  }
}

/** Reaches a FakeRange's bound target from inside a queued action. */
const FakeRangeAccess = {
  rectOf(range: FakeRange): Rect {
    return (range as unknown as { resolve(): RangeRef }).resolve().rect;
  },
  refOf(range: FakeRange): RangeRef {
    return (range as unknown as { resolve(): RangeRef }).resolve();
  },
};

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

class FakeNamedItemCollection extends FakeCollection<StoreName, FakeNamedItem> {
  protected readonly itemProperties = ["name", "type"] as const;

  constructor(ctx: FakeContext) {
    super(ctx, "workbook.names");
  }

  protected list(): readonly StoreName[] {
    return this.ctx.store.names();
  }

  protected proxy(target: StoreName, path: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, path, () => target);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, `names(${name})`, () => this.ctx.store.findName(name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, `names(${name})`, () => this.ctx.store.findName(name), true);
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    if (typeof reference === "string") throw new Error("fakeExcel: names.add with a formula string is not modelled; pass a Range");
    this.ctx.enqueue("workbook.names.add", [name, "[Range]", comment ?? null], true, () => {
      const ref = FakeRangeAccess.refOf(reference);
      this.ctx.store.addName(name, ref.sheet, ref.rect, comment ?? null);
    });
    return this.getItem(name);
  }
}

class FakeNamedItem extends FakeObject<StoreName> {
  protected readonly properties = ["name", "comment", "type"] as const;

  protected read(n: StoreName, prop: string): unknown {
    if (prop === "type") return n.sheet === null ? "Error" : "Range";
    return prop === "name" ? n.name : (n.comment ?? "");
  }

  get name(): string {
    return this.get("name");
  }

  get type(): string {
    return this.get("type");
  }

  delete(): void {
    this.write("delete", [], (n) => this.ctx.store.deleteName(n));
  }
}

// Every Office.js member the fake offers, guarded by its requirement set (see requireMember).
guard(FakeWorksheetCollection, "Excel.WorksheetCollection", ["getItem", "add"]);
guard(FakeWorksheet, "Excel.Worksheet", ["name", "id", "tabColor", "getRange"]);
guard(FakeChartCollection, "Excel.ChartCollection", ["getItem", "add"]);
guard(FakeChart, "Excel.Chart", ["name", "width", "height", "setPosition", "delete"]);
guard(FakeChartSeries, "Excel.ChartSeries", ["name", "setValues", "setXAxisValues"]);
guard(FakePageLayout, "Excel.PageLayout", ["orientation", "zoom", "setPrintTitleRows"]);
guard(FakeCustomPropertyCollection, "Excel.WorksheetCustomPropertyCollection", ["add", "getItem", "getItemOrNullObject"]);
guard(FakeCustomProperty, "Excel.WorksheetCustomProperty", ["value", "delete"]);
guard(FakeRange, "Excel.Range", ["address", "rowCount", "columnCount", "values", "formulas", "numberFormat", "clear", "getUsedRangeOrNullObject"]);
guard(FakeRangeFormat, "Excel.RangeFormat", ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth"]);
guard(FakeDataValidation, "Excel.DataValidation", ["clear", "rule"]);
guard(FakeConditionalFormatCollection, "Excel.ConditionalFormatCollection", ["add", "clearAll"]);
guard(FakeTableCollection, "Excel.TableCollection", ["getItem", "getItemOrNullObject", "add"]);
guard(FakeTable, "Excel.Table", ["name", "style", "showTotals", "worksheet", "getRange", "getHeaderRowRange", "getDataBodyRange", "resize", "convertToRange"]);
guard(FakeNamedItemCollection, "Excel.NamedItemCollection", ["getItem", "add"]);
guard(FakeNamedItem, "Excel.NamedItem", ["name", "type", "delete"]);
