import type { Catalog } from "../../catalog";
import {
  type EstablishmentParameters,
  type EstablishmentReconciliation,
  type FundedPosition,
  type StaffAssignment,
  defaultYear,
  invalid,
  normalizeYear,
  parseEsrDate,
  parsePensionBasis,
  reconcileEstablishment,
} from "../../domain";
import { parseCsv, readFundedTable, readStaffTable } from "../../input";
import { establishmentWorkbookPlans } from "../../sheets/establishment";
import { readInputText } from "../files";
import { type CliIo, UsageError, printJson } from "../io";
import { xlsxOutput } from "../safeWrite";
import { writeXlsx } from "../xlsx/writeWorkbook";

export const establishmentUsage =
  "wfp establishment --funded funded.csv --staff staff.csv [--out rec.xlsx [--force]] [--as-at yyyy-mm-dd] [--year 2025/26] [--pension employer|full] [--levy]";

export const establishmentOptions = {
  funded: { type: "string" },
  staff: { type: "string" },
  out: { type: "string" },
  force: { type: "boolean" },
  "as-at": { type: "string" },
  year: { type: "string" },
  pension: { type: "string" },
  levy: { type: "boolean" },
} as const;

export interface EstablishmentFlags {
  funded?: string;
  staff?: string;
  out?: string;
  force?: boolean;
  "as-at"?: string;
  year?: string;
  pension?: string;
  levy?: boolean;
}

export interface EstablishmentInputs {
  funded: FundedPosition[];
  staff: StaffAssignment[];
  fundedMapping: string[];
  staffMapping: string[];
}

/** Both files through the one input reader: encoding, CSV with file lines, the columns by name and variant. */
export function readEstablishmentFiles(fundedPath: string, staffPath: string): EstablishmentInputs {
  const funded = readFundedTable(parseCsv(readInputText(fundedPath), fundedPath));
  const staff = readStaffTable(parseCsv(readInputText(staffPath), staffPath));
  return { funded: funded.items, staff: staff.items, fundedMapping: funded.mapping, staffMapping: staff.mapping };
}

export function establishmentParameters(catalog: Catalog, flags: EstablishmentFlags, today: string): EstablishmentParameters {
  const year = flags.year ? normalizeYear(flags.year) : defaultYear(catalog.pay);
  if (!catalog.pay.payScales.some((s) => s.year === year)) {
    throw invalid(`no pay scale for ${year}; years available: ${catalog.pay.payScales.map((s) => s.year).join(", ")}`);
  }
  const asAt = flags["as-at"] === undefined ? today : parseEsrDate(flags["as-at"]);
  if (!asAt) throw invalid("--as-at needs a date, e.g. 2026-01-15");
  return { asAt, year, pensionBasis: parsePensionBasis(flags.pension), includeLevy: flags.levy ?? false };
}

const wte = (n: number): number => Math.round(n * 100) / 100 + 0;
const money = (n: number): number => Math.round(n * 100) / 100 + 0;

/** The reconciliation as `--json` prints it: WTE to 2 decimal places, money to the penny. */
export function establishmentJson(result: EstablishmentReconciliation) {
  const t = result.totals;
  return {
    asAt: result.parameters.asAt,
    year: result.parameters.year,
    totals: {
      fundedWte: wte(t.fundedWte),
      inPostWte: wte(t.inPostWte),
      vacantWte: wte(t.vacantWte),
      overEstablishedWte: wte(t.overEstablishedWte),
      unfundedWte: wte(t.unfundedWte),
      absentWte: wte(t.absentWte),
      bankWte: wte(t.bankWte),
      matchRate: t.matchRate === null ? null : Math.round(t.matchRate * 10_000) / 10_000,
      fundedCost: money(t.fundedCost),
      inPostCost: money(t.inPostCost),
    },
    positions: result.positions.map((p) => ({
      position: p.funded.position,
      costCentre: p.funded.costCentre,
      band: p.funded.band,
      fundedWte: wte(p.funded.fundedWte),
      inPostWte: wte(p.inPostWte),
      varianceWte: wte(p.varianceWte),
      status: p.status,
    })),
    unfunded: result.unfunded.map((a) => ({ assignment: a.assignment.assignment, position: a.assignment.position, wte: wte(a.assignment.wte) })),
    bandMismatches: result.bandMismatches.map((a) => ({
      assignment: a.assignment.assignment,
      position: a.assignment.position,
      fundedBand: a.funded!.band,
      band: a.assignment.band,
    })),
    byCostCentre: result.byCostCentre.map((g) => ({
      costCentre: g.key,
      fundedWte: wte(g.fundedWte),
      inPostWte: wte(g.inPostWte),
      vacantWte: wte(g.vacantWte),
      overEstablishedWte: wte(g.overEstablishedWte),
    })),
  };
}

const todayIso = (): string => new Date().toISOString().slice(0, 10);

export async function establishmentCommand(catalog: Catalog, args: readonly string[], flags: EstablishmentFlags, json: boolean, io: CliIo, today = todayIso()): Promise<void> {
  if (args.length > 0) throw new UsageError(`unexpected '${args[0]}'; usage: ${establishmentUsage}`);
  if (!flags.funded || !flags.staff) throw new UsageError(`--funded and --staff are required; usage: ${establishmentUsage}`);
  const output = flags.out === undefined ? null : xlsxOutput(flags, establishmentUsage, [flags.funded, flags.staff]);
  const parameters = establishmentParameters(catalog, flags, today);
  const inputs = readEstablishmentFiles(flags.funded, flags.staff);
  // The mapping comes first, so a wrongly read column is seen before any figure (on stderr when stdout is JSON).
  const say = json ? io.err.bind(io) : io.out.bind(io);
  say(`Columns read from ${flags.funded}: ${inputs.fundedMapping.join("; ")}\n`);
  say(`Columns read from ${flags.staff}: ${inputs.staffMapping.join("; ")}\n`);
  const result = reconcileEstablishment(catalog.pay, inputs.funded, inputs.staff, parameters);
  if (output) await output.write((path) => writeXlsx(establishmentWorkbookPlans(catalog, inputs.funded, inputs.staff, result), path));
  if (json) {
    printJson(io, establishmentJson(result));
    return;
  }
  const t = establishmentJson(result).totals;
  const counts = (status: string) => result.positions.filter((p) => p.status === status).length;
  io.out(
    [
      `Establishment as at ${parameters.asAt}, costed for ${parameters.year}: ${result.positions.length} positions, ${result.assignments.length} assignments.`,
      `  Funded ${t.fundedWte.toFixed(2)} WTE; in post ${t.inPostWte.toFixed(2)} (absent ${t.absentWte.toFixed(2)}); vacant ${t.vacantWte.toFixed(2)}; over-established ${t.overEstablishedWte.toFixed(2)}; unfunded ${t.unfundedWte.toFixed(2)}; bank ${t.bankWte.toFixed(2)} (not counted).`,
      `  Match rate ${t.matchRate === null ? "—" : `${(t.matchRate * 100).toFixed(1)}%`}. Positions: ${counts("Filled")} filled, ${counts("Part vacant")} part vacant, ${counts("Vacant")} vacant, ${counts("Over-established")} over-established.`,
      `  Funded cost £${t.fundedCost.toLocaleString("en-GB", { minimumFractionDigits: 2 })}; in-post cost £${t.inPostCost.toLocaleString("en-GB", { minimumFractionDigits: 2 })}; ${result.bandMismatches.length} band mismatches.`,
      ...(flags.out ? [`Wrote ${flags.out}.`] : []),
      "",
    ].join("\n"),
  );
}
