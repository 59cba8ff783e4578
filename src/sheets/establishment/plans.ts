import type { Catalog } from "../../catalog";
import type { EstablishmentReconciliation, FundedPosition, StaffAssignment } from "../../domain";
import { onCostsSheet, payScalesSheet } from "../payReference";
import type { SheetPlan } from "../plan";
import { assignmentRow, establishmentSheet, establishmentSummarySheet, fundedRow, parameterValues, reconciliationSheet, staffInPostSheet } from "./sheets";

/** The keys the summary groups by, as the domain found them. */
export function summaryKeys(result: EstablishmentReconciliation) {
  return { costCentres: result.byCostCentre.map((g) => g.key), bands: result.byBand.map((g) => g.key), roles: result.byRole.map((g) => g.key) };
}

/**
 * Every establishment sheet for a fresh workbook (`wfp establishment --out`), in the order they are written:
 * the tables a formula names come before it (pay scales and on-costs, the establishment, staff in post, the
 * reconciliation, then the summary).
 */
export function establishmentWorkbookPlans(
  catalog: Catalog,
  funded: readonly FundedPosition[],
  staff: readonly StaffAssignment[],
  result: EstablishmentReconciliation,
): SheetPlan[] {
  const years = catalog.pay.payScales.map((s) => s.year);
  return [
    payScalesSheet(catalog, years),
    onCostsSheet(catalog.pay, years),
    establishmentSheet(funded.map(fundedRow), parameterValues(result.parameters)),
    staffInPostSheet(staff.map(assignmentRow)),
    reconciliationSheet(funded.map((p) => ({ position: p.position, vacantSinceSetByAddIn: null }))),
    establishmentSummarySheet(summaryKeys(result)),
  ];
}
