/**
 * The WorkbookAdapter over Office.js (the global `Excel`). Thin on purpose: every decision is made
 * by writePlanner; this file only reads a snapshot, answers conflict probes and turns WriteOps into
 * Office calls.
 *
 * Sync budget of writeSheetPlan, one Excel.run, independent of the number of rows:
 *   1. read sheet names and ids, table names, workbook names;
 *   2. read each sheet's ownership record, each table's sheet and address;
 *   3. only when refreshing a sheet whose new content reaches beyond what the add-in wrote before:
 *      read the bounding box of non-empty cells in each such area (a handful of addresses back);
 *   4…n. one sync per write request. Requests are packed in order (prepare + ownership record, then
 *      values, then number formats and styles, then tables, validation, conditional formats, names,
 *      sheet settings) and each is kept under maxRequestBytes (4 MB by default; Excel on the web
 *      refuses 5 MB). A plan under 4 MB takes one write request; larger plans take one more per
 *      ~4 MB of payload, never one per row. A table column of one formula, and a run of columns of
 *      one number format, go as a single value Office applies to every cell (fillInputs,
 *      fillNumberFormat), so formula columns cost one formula however many rows.
 *   +1 when a new sheet is created and everything fitted in one request: the ownership record is
 *      stamped with the new sheet's id, which Office only reveals after the request that adds it.
 * So a small plan costs 4 syncs to create and 3 to refresh (4 when it grows); WriteResult.syncs
 * reports the count. A conflict costs the reads only and writes nothing. writeSheetPlans does the
 * same for several plans at once: one snapshot, one probe, all their requests packed together.
 *
 * Requirement sets (the manifest must declare ExcelApi 1.13, the highest used). Every member used is listed with
 * its set in officeApiMembers.ts; REQUIRED_EXCEL_API is the highest of them, checked before any write:
 *   ExcelApi 1.1  ranges (formulas, numberFormat, format), worksheets.add, tables.add
 *   ExcelApi 1.2  Table.convertToRange
 *   ExcelApi 1.4  names.add, NamedItem.type, *OrNullObject, Range.getUsedRangeOrNullObject
 *   ExcelApi 1.6  conditional formats
 *   ExcelApi 1.7  Worksheet.freezePanes, Worksheet.tabColor
 *   ExcelApi 1.8  data validation
 *   ExcelApi 1.9  Worksheet.pageLayout
 *   ExcelApi 1.12 Worksheet.customProperties (the ownership record)
 *   ExcelApi 1.13 Table.resize (a refreshed table keeps its identity, so formulas naming it survive)
 */
import { type CellValue, type ManagedSheet, type PlanWriteResult, type SelectionData, type TableData, type TableRequest, type WorkbookAdapter, WorkbookError, type WriteOptions, type WriteResult } from "./adapter";
import {
  describeError,
  describeManaged,
  OWNER_PROPERTY,
  type PerformOptions,
  performWrite,
  performWrites,
  serializeRecord,
  type WorkbookIO,
  type WorkbookSnapshot,
  type WriteOp,
} from "./writePlanner";
import { parseRange, type Rect, rectAddress, type SheetPlan } from "../sheets/plan";
import { REQUIRED_EXCEL_API } from "./officeApiMembers";
import { columnIndexes, columnRuns, requestedColumns, requestedName } from "./tableColumns";

export { REQUIRED_EXCEL_API };

export interface OfficeAdapterOptions {
  readonly now?: () => Date;
  readonly maxRequestBytes?: number;
  /** Defaults to Office.context.requirements.isSetSupported; without Office loaded, everything is assumed supported. */
  readonly isSetSupported?: (name: string, version: string) => boolean;
  /** Cells per read when reading a table, so no response nears the 5 MB limit. */
  readonly readChunkCells?: number;
}

/** "'My sheet'!B2:C4" → "B2:C4". The part after the last "!" never contains one. */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address : address.slice(bang + 1);
}

/** "'My sheet'!B2:C4" → "My sheet": the part before the last "!", unquoted. */
export function addressSheet(address: string): string {
  const sheet = address.slice(0, Math.max(0, address.lastIndexOf("!")));
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

type Counter = { syncs: number };

async function sync(context: Excel.RequestContext, counter: Counter): Promise<void> {
  await context.sync();
  counter.syncs += 1;
}

async function readSnapshot(context: Excel.RequestContext, counter: Counter): Promise<WorkbookSnapshot> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name,items/id");
  const tables = wb.tables.load("items/name");
  const names = wb.names.load("items/name,items/type");
  await sync(context, counter);

  const owners = sheets.items.map((ws) => ws.customProperties.getItemOrNullObject(OWNER_PROPERTY).load("value"));
  const charts = sheets.items.map((ws) => ws.charts.load("items/name"));
  const tableInfo = tables.items.map((t) => ({ table: t, range: t.getRange().load("address"), sheet: t.worksheet.load("name") }));
  await sync(context, counter);

  return {
    sheets: sheets.items.map((ws, i) => {
      const owner = owners[i];
      return {
        name: ws.name,
        id: ws.id,
        owner: owner && !owner.isNullObject ? owner.value : null,
        charts: charts[i]?.items.map((c) => c.name) ?? [],
      };
    }),
    tables: tableInfo.map((x) => ({ name: x.table.name, sheet: x.sheet.name, address: localAddress(x.range.address) })),
    names: names.items.map((n) => ({ name: n.name, broken: n.type === "Error" })),
  };
}

function officeIO(context: Excel.RequestContext): WorkbookIO {
  const counter: Counter = { syncs: 0 };
  // Sheets this write added, with their id loaded, for stamping the ownership record.
  const added = new Map<string, Excel.Worksheet>();
  return {
    get syncs() {
      return counter.syncs;
    },
    snapshot: () => readSnapshot(context, counter),
    probe: async (requests) => {
      const used = requests.map(({ sheet, areas }) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        return areas.map((a) => ws.getRange(rectAddress(a)).getUsedRangeOrNullObject(true).load("address"));
      });
      await sync(context, counter);
      return used.map((list) => list.map((u) => (u.isNullObject ? null : localAddress(u.address))));
    },
    execute: async (request) => {
      const queue = new OpQueue(context, added);
      for (const op of request) queue.add(op);
      await sync(context, counter);
    },
  };
}

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const VALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

/** Turns WriteOps into queued Office calls for one request. */
class OpQueue {
  private readonly sheets = new Map<string, Excel.Worksheet>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly added: Map<string, Excel.Worksheet>,
  ) {}

  private sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }

  private addedSheetId(name: string): string {
    const ws = this.added.get(name);
    if (!ws) throw new WorkbookError("excel", `Internal: no id for new sheet "${name}"`);
    return ws.id;
  }

  private range(sheet: string, address: string): Excel.Range {
    return this.sheet(sheet).getRange(address);
  }

  add(op: WriteOp): void {
    const wb = this.context.workbook;
    switch (op.op) {
      case "addSheet": {
        const ws = wb.worksheets.add(op.sheet);
        ws.load("id");
        this.sheets.set(op.sheet, ws);
        this.added.set(op.sheet, ws);
        return;
      }
      case "renameSheet": {
        const ws = this.sheet(op.sheet);
        ws.name = op.to;
        this.sheets.set(op.to, ws);
        return;
      }
      case "setOwner": {
        // The planner never stamps in the request that added the sheet, so its id is loaded by now.
        const record = op.stampSheetId ? { ...op.record, sheetId: this.addedSheetId(op.sheet) } : op.record;
        // add() overwrites an existing property with the same key.
        this.sheet(op.sheet).customProperties.add(OWNER_PROPERTY, serializeRecord(record));
        return;
      }
      case "removeOwner":
        this.sheet(op.sheet).customProperties.getItem(OWNER_PROPERTY).delete();
        return;
      case "convertTableToRange":
        wb.tables.getItem(op.table).convertToRange();
        return;
      case "renameTable":
        wb.tables.getItem(op.table).name = op.to;
        return;
      case "hideTableTotals":
        wb.tables.getItem(op.table).showTotals = false;
        return;
      case "deleteName":
        wb.names.getItem(op.name).delete();
        return;
      case "resetFormats": {
        const r = this.range(op.sheet, op.address);
        r.clear("Formats");
        r.dataValidation.clear();
        r.conditionalFormats.clearAll();
        return;
      }
      case "clearContents":
        this.range(op.sheet, op.address).clear("Contents");
        return;
      case "inputs":
        // Through `formulas`: formula cells arrive as "=…", guarded text as "'…", numbers as numbers.
        this.range(op.sheet, op.address).formulas = op.inputs as unknown[][] as string[][];
        return;
      case "numberFormats":
        this.range(op.sheet, op.address).numberFormat = op.formats as string[][];
        return;
      // A single value, not a 2-D array: Office applies it to every cell of the range.
      case "fillInputs":
        this.range(op.sheet, op.address).formulas = op.input as unknown as string[][];
        return;
      case "fillNumberFormat":
        this.range(op.sheet, op.address).numberFormat = op.format as unknown as string[][];
        return;
      case "style": {
        const f = this.range(op.sheet, op.address).format;
        const s = op.style;
        if (s.bold !== undefined) f.font.bold = s.bold;
        if (s.italic !== undefined) f.font.italic = s.italic;
        if (s.fontSize !== undefined) f.font.size = s.fontSize;
        if (s.fontColor !== undefined) f.font.color = s.fontColor;
        if (s.fill !== undefined) f.fill.color = s.fill;
        if (s.wrap !== undefined) f.wrapText = s.wrap;
        if (s.horizontalAlignment !== undefined) f.horizontalAlignment = ALIGN[s.horizontalAlignment];
        if (s.verticalAlignment !== undefined) f.verticalAlignment = VALIGN[s.verticalAlignment];
        return;
      }
      case "columnWidth":
        this.range(op.sheet, op.columns).format.columnWidth = op.points;
        return;
      case "addTable": {
        const t = this.sheet(op.sheet).tables.add(op.address, true);
        t.name = op.table;
        if (op.style !== null) t.style = op.style;
        if (op.showTotals) t.showTotals = true;
        return;
      }
      case "resizeTable": {
        const t = wb.tables.getItem(op.table);
        t.resize(this.range(op.sheet, op.address));
        if (op.rename !== op.table) t.name = op.rename;
        if (op.style !== null) t.style = op.style;
        t.showTotals = op.showTotals;
        return;
      }
      case "listValidation": {
        const v = this.range(op.sheet, op.address).dataValidation;
        v.clear();
        v.rule = { list: { inCellDropDown: true, source: op.source } };
        return;
      }
      case "conditionalFormat":
        this.conditionalFormat(op);
        return;
      case "addName":
        wb.names.add(op.name, this.range(op.sheet, op.address), op.comment ?? undefined);
        return;
      case "deleteChart":
        this.sheet(op.sheet).charts.getItem(op.name).delete();
        return;
      case "addChart":
        this.addChart(op);
        return;
      case "freezeRows":
        if (op.rows > 0) this.sheet(op.sheet).freezePanes.freezeRows(op.rows);
        else this.sheet(op.sheet).freezePanes.unfreeze();
        return;
      case "tabColor":
        this.sheet(op.sheet).tabColor = op.color;
        return;
      case "pageLayout": {
        const page = this.sheet(op.sheet).pageLayout;
        if (op.landscape !== null) page.orientation = op.landscape ? "Landscape" : "Portrait";
        if (op.fitToWidth !== null) page.zoom = op.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
        if (op.titleRows !== null) page.setPrintTitleRows(op.titleRows);
        return;
      }
    }
  }

  /** Charts: ExcelApi 1.1 to add and place; 1.7 for series names, values and category axes. */
  private addChart(op: Extract<WriteOp, { op: "addChart" }>): void {
    const ws = this.sheet(op.sheet);
    const c = op.chart;
    const first = c.series[0];
    if (!first) return;
    const type = c.kind === "pie" ? "Pie" : c.kind === "bar" ? "BarClustered" : "ColumnClustered";
    const chart = ws.charts.add(type, ws.getRange(first.values), "Columns");
    chart.name = op.name;
    chart.title.text = c.title;
    const categories = ws.getRange(c.categories);
    const s0 = chart.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(categories);
    for (const extra of c.series.slice(1)) {
      const s = chart.series.add(extra.name);
      s.setValues(ws.getRange(extra.values));
      s.setXAxisValues(categories);
    }
    chart.setPosition(c.at);
    if (c.width !== undefined) chart.width = c.width;
    if (c.height !== undefined) chart.height = c.height;
  }

  private conditionalFormat(op: Extract<WriteOp, { op: "conditionalFormat" }>): void {
    const formats = this.range(op.sheet, op.address).conditionalFormats;
    const rule = op.rule;
    if (rule.type === "cellValue") {
      const cf = formats.add("CellValue").cellValue;
      cf.rule = {
        operator: rule.operator as Excel.ConditionalCellValueRule["operator"],
        formula1: rule.formula1,
        ...(rule.formula2 === null ? {} : { formula2: rule.formula2 }),
      };
      cf.format.fill.color = rule.fill;
      if (rule.fontColor !== null) cf.format.font.color = rule.fontColor;
      return;
    }
    if (rule.type === "textContains") {
      const cf = formats.add("ContainsText").textComparison;
      cf.rule = { operator: "Contains", text: rule.text };
      cf.format.fill.color = rule.fill;
      if (rule.fontColor !== null) cf.format.font.color = rule.fontColor;
      return;
    }
    const TYPES = { lowestValue: "LowestValue", highestValue: "HighestValue", number: "Number", percent: "Percent", percentile: "Percentile" } as const;
    const criterion = (c: { type: keyof typeof TYPES; value: number | null; color: string }): Excel.ConditionalColorScaleCriterion => ({
      type: TYPES[c.type],
      color: c.color,
      ...(c.value === null ? {} : { formula: String(c.value) }),
    });
    formats.add("ColorScale").colorScale.criteria = {
      minimum: criterion(rule.minimum),
      ...(rule.midpoint === null ? {} : { midpoint: criterion(rule.midpoint) }),
      maximum: criterion(rule.maximum),
    };
  }
}

function defaultIsSetSupported(name: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported(name, version) : true;
}

export class OfficeWorkbookAdapter implements WorkbookAdapter {
  private readonly now: () => Date;
  private readonly maxRequestBytes: number | undefined;
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly readChunkCells: number;

  constructor(options: OfficeAdapterOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.maxRequestBytes = options.maxRequestBytes;
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
    this.readChunkCells = options.readChunkCells ?? 100_000;
  }

  private requireApi(version: string, what: string): void {
    if (!this.isSetSupported("ExcelApi", version)) {
      throw new WorkbookError("unsupported", `${what} needs Excel JavaScript API ${version} (ExcelApi ${version}); this Excel doesn't have it.`);
    }
  }

  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    // Outside Excel (a browser tab, Office.onReady with host null) the global doesn't exist.
    if (typeof Excel === "undefined") throw new WorkbookError("unsupported", "Excel isn't available here: the add-in must run inside Excel.");
    try {
      return await Excel.run(batch);
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError("excel", `Excel refused the request: ${describeError(error)}`, { cause: error });
    }
  }

  private performOptions(options: WriteOptions): PerformOptions {
    return { ...options, now: this.now(), ...(this.maxRequestBytes === undefined ? {} : { maxRequestBytes: this.maxRequestBytes }) };
  }

  async writeSheetPlan(plan: SheetPlan, options: WriteOptions = {}): Promise<WriteResult> {
    this.requireApi(REQUIRED_EXCEL_API, "Writing a sheet");
    return this.run((context) => performWrite(plan, officeIO(context), this.performOptions(options)));
  }

  /**
   * Several plans in one Excel.run with shared syncs: 2 for one snapshot, 1 for one probe of the user's cells on
   * every refreshed sheet that grows (if any), then one per write request of all the plans packed together, and
   * +1 for stamping new sheets' ids when the last request also adds a sheet. See WorkbookAdapter.writeSheetPlans.
   */
  async writeSheetPlans(plans: readonly SheetPlan[], options: WriteOptions = {}): Promise<PlanWriteResult[]> {
    this.requireApi(REQUIRED_EXCEL_API, "Writing sheets");
    return this.run((context) => performWrites(plans, officeIO(context), this.performOptions(options)));
  }

  /** The values of `rect` on `sheet`, one sync per `readChunkCells` cells, so no response nears 5 MB. */
  private async readValues(context: Excel.RequestContext, counter: Counter, sheet: Excel.Worksheet, rect: Rect): Promise<CellValue[][]> {
    return (await this.readAreas(context, counter, [{ sheet, rect }]))[0] ?? [];
  }

  /**
   * The values of several areas: each cut into bands of whole rows of at most `readChunkCells` cells, the bands
   * of all areas read together, as many per sync as stay within `readChunkCells` cells.
   */
  private async readAreas(context: Excel.RequestContext, counter: Counter, areas: readonly { sheet: Excel.Worksheet; rect: Rect }[]): Promise<CellValue[][][]> {
    const out: CellValue[][][] = areas.map(() => []);
    const bands = areas.flatMap(({ sheet, rect }, area) => {
      const width = Math.max(1, rect.right - rect.left + 1);
      const rowsPerRead = Math.max(1, Math.floor(this.readChunkCells / width));
      const list: { area: number; sheet: Excel.Worksheet; rect: Rect; cells: number }[] = [];
      for (let top = rect.top; top <= rect.bottom; top += rowsPerRead) {
        const bottom = Math.min(rect.bottom, top + rowsPerRead - 1);
        list.push({ area, sheet, rect: { ...rect, top, bottom }, cells: (bottom - top + 1) * width });
      }
      return list;
    });
    for (let i = 0; i < bands.length; ) {
      const batch: { area: number; range: Excel.Range }[] = [];
      let cells = 0;
      while (i < bands.length && (batch.length === 0 || cells + bands[i]!.cells <= this.readChunkCells)) {
        const band = bands[i++]!;
        cells += band.cells;
        batch.push({ area: band.area, range: band.sheet.getRange(rectAddress(band.rect)).load("values") });
      }
      await sync(context, counter);
      for (const { area, range } of batch) {
        for (const r of range.values as unknown[][]) out[area]!.push(r.map((v) => (v === "" || v === undefined ? null : (v as string | number | boolean))));
      }
    }
    return out;
  }

  /** 2 syncs for the table's shape, then one per `readChunkCells` cells of its body. */
  async readTable(name: string): Promise<TableData | null> {
    return (await this.readTables([name]))[0] ?? null;
  }

  /**
   * Several tables in one Excel.run: 1 sync to find them all, 1 for the shapes of those found, then their bodies
   * together, one sync per `readChunkCells` cells in all. A flow that reads eight tables before it writes spends
   * a handful of syncs, not eight runs of three. A request naming columns reads only those (each run of
   * neighbouring columns as one range), so a wide table's few input columns cost a fraction of its cells; a
   * column the table lacks is refused before any body is read.
   */
  async readTables(tables: readonly TableRequest[]): Promise<(TableData | null)[]> {
    this.requireApi("1.4", "Reading a table");
    return this.run(async (context) => {
      const counter: Counter = { syncs: 0 };
      const found = tables.map((request) => context.workbook.tables.getItemOrNullObject(requestedName(request)).load("name"));
      await sync(context, counter);
      const shapes = found.map((table) =>
        table.isNullObject
          ? null
          : {
              table,
              sheet: table.worksheet.load("name"),
              whole: table.getRange().load("address"),
              header: table.getHeaderRowRange().load("values"),
              body: table.getDataBodyRange().load("address"),
            },
      );
      if (shapes.every((x) => x === null)) return tables.map(() => null);
      await sync(context, counter);
      // Each table's columns to read (null: all) and the areas holding them: the whole body, or one per run.
      const plans = shapes.map((x, i) => {
        if (x === null) return null;
        const headers = (x.header.values[0] ?? []).map((h: unknown) => String(h));
        const body = parseRange(localAddress(x.body.address));
        const columns = requestedColumns(tables[i]!);
        if (columns === null) return { x, headers, at: null, runs: [[0, body.right - body.left]] as [number, number][], body };
        const at = columnIndexes(x.table.name, headers, columns);
        return { x, headers, at, runs: columnRuns(at), body };
      });
      const present = plans.flatMap((p) => (p === null ? [] : [p]));
      const areas = present.flatMap((p) => p.runs.map(([first, last]) => ({ sheet: p.x.sheet, rect: { ...p.body, left: p.body.left + first, right: p.body.left + last } })));
      const bodies = await this.readAreas(context, counter, areas);
      let next = 0;
      return plans.map((p) => {
        if (p === null) return null;
        // Each run's cells back at their column index, then `at` picks the columns in the order asked.
        const parts = p.runs.map(() => bodies[next++] ?? []);
        const rows = (parts[0] ?? []).map((_, r) => {
          const cells: CellValue[] = [];
          p.runs.forEach(([first], k) => (parts[k]![r] ?? []).forEach((v, j) => (cells[first + j] = v)));
          return p.at === null ? cells : p.at.map((i) => cells[i] ?? null);
        });
        return {
          name: p.x.table.name,
          sheetName: p.x.sheet.name,
          address: localAddress(p.x.whole.address),
          headers: p.at === null ? p.headers : p.at.map((i) => p.headers[i]!),
          rows,
        };
      });
    });
  }

  /**
   * 1 sync for the selection's address and the part of it holding values (Workbook.getSelectedRange, ExcelApi
   * 1.1; Range.getUsedRangeOrNullObject, 1.4), then one per `readChunkCells` cells of that part. Excel refuses a
   * selection of several areas (getSelectedRange), which then reads as Excel's message.
   */
  async readSelection(): Promise<SelectionData> {
    this.requireApi("1.4", "Reading the selected range");
    return this.run(async (context) => {
      const counter: Counter = { syncs: 0 };
      const selected = context.workbook.getSelectedRange().load("address");
      const used = selected.getUsedRangeOrNullObject(true).load("address");
      await sync(context, counter);
      const sheetName = addressSheet(selected.address);
      const address = localAddress(selected.address);
      if (used.isNullObject) return { sheetName, address, usedAddress: null, rows: [] };
      const usedRect = parseRange(localAddress(used.address));
      const rows = await this.readValues(context, counter, context.workbook.worksheets.getItem(sheetName), usedRect);
      return { sheetName, address, usedAddress: rectAddress(usedRect), rows };
    });
  }

  /** 1 sync: Worksheet.activate and Range.select (ExcelApi 1.1). */
  async selectCell(sheet: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  /** 2 syncs. */
  async listManaged(): Promise<ManagedSheet[]> {
    this.requireApi("1.12", "Listing the add-in's sheets");
    return this.run(async (context) => describeManaged(await readSnapshot(context, { syncs: 0 })));
  }

  /**
   * 4 syncs: the ownership records, the names, then NamedItem.delete (ExcelApi 1.4) for each name the add-in
   * wrote with the sheet and Worksheet.delete (ExcelApi 1.1). Only a sheet whose record carries `key` is removed.
   */
  async removeManagedSheet(key: string): Promise<boolean> {
    this.requireApi("1.12", "Removing the add-in's sheet");
    return this.run(async (context) => {
      const counter: Counter = { syncs: 0 };
      const managed = describeManaged(await readSnapshot(context, counter)).find((m) => m.key === key);
      if (!managed) return false;
      const names = managed.names.map((n) => context.workbook.names.getItemOrNullObject(n));
      await sync(context, counter);
      for (const name of names) if (!name.isNullObject) name.delete();
      context.workbook.worksheets.getItem(managed.sheetName).delete();
      await sync(context, counter);
      return true;
    });
  }

  /** 1 sync: Application.calculate(full) (ExcelApi 1.1), so a workbook in manual calculation computes too. */
  async calculate(): Promise<void> {
    return this.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    });
  }
}
