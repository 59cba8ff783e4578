/**
 * The words and numbers the Costing tab shows: money to the penny in pounds (en-GB), rates as percentages, what
 * each year's figures rest on, and the parsing of the few typed fields (WTE, vacancy %). Pure, so tested without
 * a DOM.
 */
import type { Catalog } from "../../catalog";
import {
  type HcasZone,
  type PayData,
  type PensionBasis,
  type ProvenanceStatus,
  DEFAULT_NATION,
  HCAS_ZONES,
  availableYears,
  checkWte,
  roundPennies,
} from "../../domain";

const POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** £53,611.34: rounded half away from zero to the penny, as the domain rounds. */
export function formatMoney(amount: number): string {
  return POUNDS.format(roundPennies(amount));
}

const PERCENT = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 2 });

/** 0.1438 → "14.38%". */
export function formatRate(fraction: number): string {
  return PERCENT.format(fraction);
}

export const ZONE_CHOICES: readonly { value: HcasZone | "none"; label: string }[] = [
  { value: "none", label: "None" },
  ...HCAS_ZONES.map((zone) => ({
    value: zone,
    label: zone === "inner-london" ? "Inner London" : zone === "outer-london" ? "Outer London" : "Fringe",
  })),
];

export const zoneLabel = (zone: HcasZone | "none"): string => ZONE_CHOICES.find((z) => z.value === zone)?.label ?? zone;

export const PENSION_CHOICES: readonly { value: PensionBasis; label: string }[] = [
  { value: "employer", label: "Employer" },
  { value: "full", label: "Full" },
];

export interface YearChoice {
  readonly year: string;
  /** The statuses of the year's pay points, weakest last: "confirmed", "secondary"… */
  readonly statuses: readonly ProvenanceStatus[];
  readonly indicative: boolean;
  /** "2026/27 (indicative)". */
  readonly label: string;
  /** "confirmed and secondary sources", "indicative: for guidance only". */
  readonly basis: string;
}

const STATUS_ORDER: readonly ProvenanceStatus[] = ["confirmed", "derived", "secondary", "indicative"];

/** The catalog's pay years, each with what its figures rest on. */
export function yearChoices(pay: PayData, nation = DEFAULT_NATION): YearChoice[] {
  return availableYears(pay, nation).map((year) => {
    const scale = pay.payScales.find((s) => s.year === year && s.nation === nation)!;
    const found = new Set(scale.bands.map((b) => b.provenance.status));
    const statuses = STATUS_ORDER.filter((s) => found.has(s));
    const indicative = found.has("indicative");
    return {
      year,
      statuses,
      indicative,
      label: indicative ? `${year} (indicative)` : year,
      basis: indicative ? "indicative, for guidance only" : `${joinWords(statuses)} ${statuses.length === 1 ? "source" : "sources"}`,
    };
  });
}

/** ["a", "b", "c"] → "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** The catalog's role titles, for the Role field's suggestions. */
export const roleTitles = (catalog: Catalog): string[] => catalog.roles.map((r) => r.title);

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** A WTE typed in a field: the domain's check, with a word for a blank. */
export function parseWteText(text: string): Parsed<number> {
  const t = text.trim();
  if (t === "") return { ok: false, message: "Give a WTE, such as 1 or 0.6" };
  const n = Number(t);
  try {
    return { ok: true, value: checkWte(Number.isFinite(n) ? n : t) };
  } catch (e) {
    return { ok: false, message: sentence((e as Error).message) };
  }
}

/** A vacancy factor typed as a percentage ("3" or "3%") → the fraction the plan uses (0.03). */
export function parseVacancyPercent(text: string): Parsed<number> {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return { ok: true, value: 0 };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, message: `'${text.trim()}' is not a percentage: give a number such as 3 for 3%` };
  if (n < 0 || n >= 100) return { ok: false, message: `A vacancy factor is from 0% to under 100%, not ${n}%` };
  return { ok: true, value: Math.round(n * 1e6) / 1e8 };
}

/** A domain message as a sentence: capital first. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date cell as the plan's ISO text: Excel's serial 45017 → "2023-04-01"; text passes through; blank → "". */
export function cellDateToIso(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) {
    return new Date(EXCEL_EPOCH_MS + Math.round(value) * DAY_MS).toISOString().slice(0, 10);
  }
  return value === null || value === undefined ? "" : String(value).trim();
}

/** An ISO date (yyyy-mm-dd) as en-GB users read it: 01/04/2023. Anything else as it is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
