import type { Catalog } from "../../catalog";
import { invalid, postCost, roundPennies, roundedCostLines } from "../../domain";
import { type CliIo, UsageError, printJson } from "../io";

export const costUsage =
  "wfp cost --band <band> [--point entry|intermediate|top] [--wte 1] [--year 2025/26] [--hcas none|inner-london|outer-london|fringe] [--pension employer|full] [--levy] [--json]";

export const costOptions = {
  band: { type: "string" },
  point: { type: "string" },
  wte: { type: "string" },
  year: { type: "string" },
  hcas: { type: "string" },
  pension: { type: "string" },
  levy: { type: "boolean" },
} as const;

export interface CostFlags {
  band?: string;
  point?: string;
  wte?: string;
  year?: string;
  hcas?: string;
  pension?: string;
  levy?: boolean;
}

function wteFlag(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^\s*-?\d+(\.\d+)?\s*$/.test(text)) throw invalid(`'${text}' is not a WTE: give a number such as 1 or 0.8`);
  return Number(text);
}

// One formatter for every figure (Number.toLocaleString with options builds a new one on each call).
const PENCE = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pounds = (n: number): string => `£${PENCE.format(roundPennies(n))}`;

/**
 * `wfp cost --band 6 --wte 0.8 …`: every line of a post's annual cost. Printed lines are each rounded to the penny
 * and the printed total is their sum; JSON amounts are unrounded pounds.
 */
export function costCommand(catalog: Catalog, args: readonly string[], flags: CostFlags, json: boolean, io: CliIo): void {
  if (args.length > 0) throw new UsageError(`unexpected '${args[0]}'; usage: ${costUsage}`);
  if (flags.band === undefined) throw new UsageError(`--band is required; usage: ${costUsage}`);
  const cost = postCost(catalog.pay, {
    band: flags.band,
    point: flags.point ?? "top",
    wte: wteFlag(flags.wte),
    year: flags.year,
    hcasZone: flags.hcas,
    pensionBasis: flags.pension,
    includeLevy: flags.levy ?? false,
  });
  for (const note of cost.notes) io.err(`wfp: note: ${note}\n`);
  if (json) {
    const { basic, hcas, employerNI, pension, levy, total } = cost;
    printJson(io, { basic, hcas, employerNI, pension, levy, total });
    return;
  }
  // Each line to the penny and the total of those lines (roundedCostLines), so what is printed adds up.
  const shown = roundedCostLines(cost);
  const rows: [string, number][] = [
    ["Basic pay", shown.basic],
    [`High Cost Area Supplement (${cost.hcasZone})`, shown.hcas],
    [`Employer NI (${cost.rates.niRate * 100}% above £${cost.rates.niThreshold.toLocaleString("en-GB")})`, shown.employerNI],
    [`Employer pension (${cost.pensionBasis}, ${(cost.rates.pensionRate * 100).toFixed(2)}%)`, shown.pension],
    [`Apprenticeship levy${cost.includeLevy ? " (0.5%)" : " (not included)"}`, shown.levy],
    ["Total", shown.total],
  ];
  const lines = [
    `Band ${cost.band}${cost.payBand !== cost.band ? ` (paid at band ${cost.payBand})` : ""}, ${cost.point} point, ${cost.wte} WTE, ${cost.year}: full-time pay ${pounds(cost.fullTimePay)}`,
    ...rows.map(([label, amount]) => `  ${label.padEnd(48)}${pounds(amount).padStart(14)}`),
    "",
    "Sources:",
    ...[...new Map(cost.sources.map((s) => [s.source, s])).values()].map((s) => `  ${s.source} (${s.year}, ${s.status})`),
  ];
  io.out(`${lines.join("\n")}\n`);
}
