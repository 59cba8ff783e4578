/**
 * Ownership: each sheet the add-in makes carries one worksheet custom property (OWNER_PROPERTY,
 * ExcelApi 1.12) holding an OwnershipRecord: the plan key, the worksheet's id, and the areas, tables
 * and workbook names the add-in wrote. Stored on the sheet itself, it follows the sheet through
 * renames and moves, disappears with it, and needs no hidden sheet the user could break. A copy the
 * user makes of the sheet carries the record too, but under a new worksheet id, so it is the user's.
 * Anything not listed in the record of the sheet being written is the user's.
 *
 * This file reads and writes those records and finds the add-in's sheets in a WorkbookSnapshot.
 */
import type { ManagedSheet } from "./adapter";
import { blockArea, parseRange, type Rect, rectAddress, type SheetPlan } from "../sheets/plan";

export const OWNER_PROPERTY = "WorkforcePlanner.owner";

export interface OwnershipRecord {
  readonly v: 1;
  readonly key: string;
  /**
   * Worksheet id (stable across renames, new on a copy). Null only between creating a sheet and
   * the last request of that write, or if that write failed part-way.
   */
  readonly sheetId: string | null;
  /** The sheet's name when the add-in last wrote it. */
  readonly sheet: string;
  /** Sheet-local addresses of every block the add-in wrote (tables' header and totals included). */
  readonly areas: readonly string[];
  readonly tables: readonly string[];
  readonly names: readonly string[];
  /** Names of the charts the add-in drew on the sheet (absent in records written before charts). */
  readonly charts?: readonly string[];
  readonly writtenAt: string;
}

export function serializeRecord(record: OwnershipRecord): string {
  return JSON.stringify(record);
}

/** A record that doesn't parse is treated as absent: the sheet is then the user's, the safe reading. */
export function parseRecord(json: string | null | undefined): OwnershipRecord | null {
  if (!json) return null;
  try {
    const r = JSON.parse(json) as Partial<OwnershipRecord>;
    const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");
    if (
      r.v !== 1 ||
      typeof r.key !== "string" ||
      typeof r.sheet !== "string" ||
      !(typeof r.sheetId === "string" || r.sheetId === null) ||
      typeof r.writtenAt !== "string" ||
      !strings(r.areas) ||
      !strings(r.tables) ||
      !strings(r.names)
    ) {
      return null;
    }
    if (r.charts !== undefined && !strings(r.charts)) return null;
    r.areas.forEach((a) => parseRange(a));
    return r as OwnershipRecord;
  } catch {
    return null;
  }
}

export interface WorkbookSnapshot {
  /** In tab order, with the worksheet id and the raw OWNER_PROPERTY value (null when absent). */
  readonly sheets: readonly {
    readonly name: string;
    readonly id: string;
    readonly owner: string | null;
    /** Names of the charts on the sheet, the user's and the add-in's. */
    readonly charts?: readonly string[];
  }[];
  /** `address` is sheet-local, e.g. "A3:F40". */
  readonly tables: readonly { readonly name: string; readonly sheet: string; readonly address: string }[];
  /** Workbook names; `broken` when the name's reference is gone (#REF!, e.g. its sheet was deleted). */
  readonly names: readonly { readonly name: string; readonly broken: boolean }[];
}

export interface ManagedSheetRef {
  readonly sheet: string;
  readonly sheetId: string;
  readonly record: OwnershipRecord;
}

/**
 * Whether a sheet is the one its record was written on, rather than a user's copy of it: the
 * worksheet id must match. A record without an id (its write stopped before the id was stamped)
 * is trusted only on a sheet still bearing the recorded name.
 */
function isOriginal(sheet: { name: string; id: string }, record: OwnershipRecord): boolean {
  return record.sheetId === null ? sheet.name === record.sheet : record.sheetId === sheet.id;
}

/** The add-in's sheet for each key, in tab order. Copies and malformed records count as the user's. */
export function managedSheets(snapshot: WorkbookSnapshot): ManagedSheetRef[] {
  const seen = new Set<string>();
  return snapshot.sheets.flatMap((s) => {
    const record = parseRecord(s.owner);
    if (!record || !isOriginal(s, record) || seen.has(record.key)) return [];
    seen.add(record.key);
    return [{ sheet: s.name, sheetId: s.id, record }];
  });
}

/** Every block of the plan, as the areas its record lists. */
export const planAreas = (plan: SheetPlan): Rect[] => plan.blocks.map(blockArea);

/**
 * A chart's name: derived from the plan's key and the chart's place in the plan, so a refresh finds the charts
 * it drew before (and only those) to replace them.
 */
export function chartName(plan: SheetPlan, index: number): string {
  let hash = 0;
  for (const ch of plan.key) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) >>> 0;
  return `WFP chart ${hash.toString(36)} ${index + 1}`;
}

export function newRecord(plan: SheetPlan, sheet: string, sheetId: string | null, now: Date): OwnershipRecord {
  return {
    v: 1,
    key: plan.key,
    sheetId,
    sheet,
    areas: planAreas(plan).map(rectAddress),
    tables: plan.blocks.flatMap((b) => (b.kind === "table" ? [b.name] : [])),
    names: (plan.names ?? []).map((n) => n.name),
    ...(plan.charts && plan.charts.length > 0 ? { charts: plan.charts.map((_, i) => chartName(plan, i)) } : {}),
    writtenAt: now.toISOString(),
  };
}

/** The add-in's sheets, read from a snapshot, for listManaged(). */
export function describeManaged(snapshot: WorkbookSnapshot): ManagedSheet[] {
  return managedSheets(snapshot).map((m) => ({
    key: m.record.key,
    sheetName: m.sheet,
    tables: m.record.tables,
    names: m.record.names,
    writtenAt: m.record.writtenAt,
  }));
}
