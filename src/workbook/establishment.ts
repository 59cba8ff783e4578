import type { Catalog } from "../catalog";
import type { CellValue, TableRequest, WorkbookAdapter, WriteResult } from "../excel/adapter";
import { requestedName } from "../excel/tableColumns";
import {
  type EstablishmentParameters,
  type EstablishmentReconciliation,
  type FundedPosition,
  type StaffAssignment,
  invalid,
  nextVacantSince,
  parseEsrDate,
  parseFundedPosition,
  parseStaffAssignment,
  reconcileEstablishment,
  refuseDuplicates,
} from "../domain";
import {
  ESTABLISHMENT_HEADERS,
  ESTABLISHMENT_TABLES,
  STAFF_INPUT_HEADERS,
  assignmentRow,
  establishmentSheet,
  establishmentSummarySheet,
  fundedRow,
  parameterValues,
  reconciliationSheet,
  staffInPostSheet,
  summaryKeys,
} from "../sheets/establishment";
import { PAY_SCALES_TABLE, PAY_SCALE_HEADERS, onCostsSheet, payScalesSheet } from "../sheets/payReference";
import { type PlanCell, type SheetPlan, excelDate } from "../sheets/plan";
import { PLAN_INPUT_HEADERS, STAFFING_PLAN_TABLE } from "../sheets/staffingPlan";
import { ON_COSTS_TABLES, onCostsFrom } from "./costing";
import { readInputColumns } from "./readTables";
import { rowsByHeaders } from "./tableRows";
import { type WritePlansOptions, writePlans } from "./writePlans";

/** Where the funded establishment comes from. */
export type FundedSource =
  /** The Establishment table as it is in the workbook (a refresh). */
  | { readonly kind: "workbook" }
  /** The workbook's staffing plan: each post a position in the plan's Cost centre ("Staffing plan" where blank). */
  | { readonly kind: "plan" }
  /** Positions read from a CSV or a sheet the user chose; added to those already in the workbook. */
  | { readonly kind: "positions"; readonly positions: readonly FundedPosition[] };

export interface EstablishmentRequest {
  readonly funded: FundedSource;
  /** Next month's extract, replacing Staff in post; absent = Staff in post as it is in the workbook. */
  readonly staff?: readonly StaffAssignment[];
  /** For a new workbook; the year, pension and levy the user set in the workbook win. As at is always this one's. */
  readonly parameters: EstablishmentParameters;
}

export interface EstablishmentOutcome {
  /** Each sheet's write result, in the order written; a conflict ends the list (see writePlans). */
  readonly results: readonly { readonly key: string; readonly result: WriteResult }[];
  /** The figures as the sheets will show them once Excel calculates, for the pane to show now. */
  readonly reconciliation: EstablishmentReconciliation;
  readonly positionsAdded: number;
  readonly positionsKept: number;
  /** Positions added from the staffing plan whose Cost centre was blank there, so put in PLAN_COST_CENTRE. */
  readonly withoutCostCentre: readonly string[];
  /** Positions the add-in dated as newly vacant, and those whose date it cleared as filled again. */
  readonly vacantSince: { readonly dated: readonly string[]; readonly cleared: readonly string[] };
}

/** The cost centre of a staffing plan post whose Cost centre cell is blank. */
export const PLAN_COST_CENTRE = "Staffing plan";

/** What a refresh needs of the Reconciliation: the add-in's record of the Vacant since dates it set. */
const RECONCILIATION_READ = ["Position", "Vacant since set by add-in"];
const STAFF_FIELDS = ["assignment", "position", "positionTitle", "costCentre", "band", "point", "fte", "hours", "category", "status", "fixedTermEnd"] as const;
const FUNDED_FIELDS = ["position", "costCentre", "role", "band", "fundedWte", "budget", "vacantSince"] as const;
const fields = (names: readonly string[], row: readonly unknown[]): Record<string, unknown> => Object.fromEntries(names.map((n, i) => [n, row[i] ?? null]));
const key = (v: unknown): string => String(v ?? "").trim().toLowerCase();
const iso = (v: CellValue | undefined): string | null => {
  try {
    return parseEsrDate(v ?? null);
  } catch {
    return null;
  }
};

/**
 * The staffing plan's posts as funded positions: the post is the position, its WTE the funded WTE, its Cost centre
 * the plan's; `blank` names the posts whose Cost centre cell is blank, put in PLAN_COST_CENTRE.
 */
function planPositions(rows: readonly (readonly CellValue[])[]): { positions: FundedPosition[]; blank: Set<string> } {
  const at = (name: (typeof PLAN_INPUT_HEADERS)[number]) => PLAN_INPUT_HEADERS.indexOf(name);
  const blank = new Set<string>();
  const positions = rows.map((r, i) => {
    const given = String(r[at("Cost centre")] ?? "").trim();
    const cells = { position: r[at("Post")], costCentre: given || PLAN_COST_CENTRE, role: r[at("Role")], band: r[at("Band")], fundedWte: r[at("WTE")] ?? 1, budget: null, vacantSince: null };
    const position = parseFundedPosition(cells, `Staffing plan row ${i + 1}`);
    if (given === "") blank.add(position.position);
    return position;
  });
  return { positions, blank };
}

/**
 * Builds or refreshes the establishment sheets: reads the workbook first (the positions and extract as the user
 * left them, their parameters and pay edits, the add-in's own record of the Vacant since dates it set), then
 * writes the sheets in the order their formulas need: pay scales and on-costs, Establishment, Staff in post,
 * Reconciliation, summary. Vacant since stays alive: newly vacant positions get `today`, positions filled again
 * lose the date the add-in gave them, and a date the user typed is never touched.
 */
export async function buildEstablishment(
  workbook: WorkbookAdapter,
  catalog: Catalog,
  request: EstablishmentRequest,
  options: WritePlansOptions = {},
): Promise<EstablishmentOutcome> {
  // Every table the build needs, in one read where the workbook can (a handful of syncs, not eight reads); of the
  // wide ones, only the columns the build uses (the Reconciliation's formulas and the plan's costs are not read).
  const wanted: TableRequest[] = [
    { name: ESTABLISHMENT_TABLES.establishment, columns: ESTABLISHMENT_HEADERS },
    ESTABLISHMENT_TABLES.parameters,
    { name: ESTABLISHMENT_TABLES.reconciliation, columns: RECONCILIATION_READ },
    PAY_SCALES_TABLE,
    ...ON_COSTS_TABLES,
    ...(request.staff ? [] : [{ name: ESTABLISHMENT_TABLES.staff, columns: STAFF_INPUT_HEADERS }]),
    ...(request.funded.kind === "plan" ? [{ name: STAFFING_PLAN_TABLE, columns: PLAN_INPUT_HEADERS }] : []),
  ];
  const read = new Map((await readInputColumns(workbook, wanted)).map((t, i) => [requestedName(wanted[i]!), t]));
  const table = (name: string) => read.get(name) ?? null;
  const existingEstablishment = table(ESTABLISHMENT_TABLES.establishment);
  const existingParameters = table(ESTABLISHMENT_TABLES.parameters);
  const existingStaff = table(ESTABLISHMENT_TABLES.staff);
  const existingReconciliation = table(ESTABLISHMENT_TABLES.reconciliation);
  const existingPay = table(PAY_SCALES_TABLE);
  const existingOnCosts = onCostsFrom(table(ON_COSTS_TABLES[0]), table(ON_COSTS_TABLES[1]));
  const plan = table(STAFFING_PLAN_TABLE);

  // The positions: the user's rows exactly as they are, then new ones from the source.
  const keptRows: PlanCell[][] = rowsByHeaders(existingEstablishment, ESTABLISHMENT_HEADERS);
  const kept = keptRows.map((r, i) => ({ value: parseFundedPosition(fields(FUNDED_FIELDS, r), `Establishment row ${i + 1}`), where: `Establishment row ${i + 1}` }));
  const fromPlan =
    request.funded.kind !== "plan"
      ? null
      : plan
        ? planPositions(rowsByHeaders(plan, PLAN_INPUT_HEADERS))
        : (() => {
            throw invalid("there is no staffing plan in this workbook: build one on the Costing tab, or choose a CSV or a sheet");
          })();
  const source = request.funded.kind === "positions" ? request.funded.positions : (fromPlan?.positions ?? []);
  const keptIds = new Set(kept.map((k) => key(k.value.position)));
  const added = source.filter((p) => !keptIds.has(key(p.position)));
  const withoutCostCentre = added.filter((p) => fromPlan?.blank.has(p.position)).map((p) => p.position);
  const rows = [...keptRows, ...added.map(fundedRow)];
  let funded = refuseDuplicates([...kept, ...added.map((value, i) => ({ value, where: `new position ${i + 1}` }))], (p) => p.position, "position");
  if (funded.length === 0) throw invalid("there are no funded positions: choose the staffing plan, a CSV or a sheet of positions");

  // Staff in post: the new extract, or the table as the user has it.
  const staffRows: PlanCell[][] = request.staff ? request.staff.map(assignmentRow) : rowsByHeaders(existingStaff, STAFF_INPUT_HEADERS);
  const staff = request.staff
    ? [...request.staff]
    : refuseDuplicates(
        staffRows.map((r, i) => ({ value: parseStaffAssignment(fields(STAFF_FIELDS, r), `Staff in post row ${i + 1}`), where: `Staff in post row ${i + 1}` })),
        (a) => a.assignment,
        "assignment number",
      );

  const p = request.parameters;
  const old = rowsByHeaders(existingParameters, ["As at", "Year", "Pension basis", "Include levy"])[0];
  const parameters: EstablishmentParameters = old
    ? { asAt: p.asAt, year: String(old[1] ?? p.year), pensionBasis: old[2] === "full" ? "full" : "employer", includeLevy: old[3] === "Yes" || old[3] === true }
    : p;

  // Vacant since: the add-in's record of what it set last time tells its dates from the user's.
  const setBefore = new Map(rowsByHeaders(existingReconciliation, RECONCILIATION_READ).map((r) => [String(r[0] ?? ""), iso(r[1])]));
  const first = reconcileEstablishment(catalog.pay, funded, staff, parameters);
  const dated: string[] = [];
  const cleared: string[] = [];
  const setNow = new Map<string, string | null>();
  funded = funded.map((position, i) => {
    const next = nextVacantSince(first.positions[i]!.status, { current: position.vacantSince, setByAddIn: setBefore.get(position.position) ?? null }, p.asAt);
    setNow.set(position.position, next.setByAddIn);
    if (next.value === position.vacantSince) return position;
    (next.value === null ? cleared : dated).push(position.position);
    rows[i] = [...rows[i]!.slice(0, 6), next.value === null ? null : excelDate(next.value)];
    return { ...position, vacantSince: next.value };
  });
  const reconciliation = dated.length + cleared.length > 0 ? reconcileEstablishment(catalog.pay, funded, staff, parameters) : first;

  const years = catalog.pay.payScales.map((s) => s.year);
  const plans: SheetPlan[] = [
    payScalesSheet(catalog, years, rowsByHeaders(existingPay, PAY_SCALE_HEADERS)),
    onCostsSheet(catalog.pay, years, existingOnCosts),
    establishmentSheet(rows, [excelDate(parameters.asAt), ...parameterValues(parameters).slice(1)]),
    staffInPostSheet(staffRows),
    reconciliationSheet(funded.map((f) => ({ position: f.position, vacantSinceSetByAddIn: setNow.get(f.position) ? excelDate(setNow.get(f.position)!) : null }))),
    establishmentSummarySheet(summaryKeys(reconciliation)),
  ];
  // All six in one go where the workbook can: one snapshot, then every sheet's requests packed together.
  const results = await writePlans(workbook, plans, options);
  return { results, reconciliation, positionsAdded: added.length, positionsKept: kept.length, withoutCostCentre, vacantSince: { dated, cleared } };
}
