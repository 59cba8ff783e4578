/**
 * How the catalog's values are written into cells and read back: what a user sees and types (labels such as
 * "Locality-specific", "1. Communication"), lists one item per line, a level as a number. Reading is forgiving
 * about spelling (case, punctuation, an id or a label) and says exactly what it could not read.
 */
import { type CareerLevel, isCareerLevel } from "../../domain/careerFramework";
import { type PrincipleDefinition, ROLE_SECTIONS, type RoleSection } from "../../domain/competence";
import { PROVENANCE_STATUSES, type Provenance, type ProvenanceStatus } from "../../domain/provenance";
import { SERVICE_LABELS, SERVICES, type Service } from "../../domain/role";
import { normalizeText } from "../../domain/text";
import type { CellValue } from "./types";

/** A cell's text, trimmed; "" when empty. A number typed in a text column reads as its digits. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

export const isBlankCell = (value: CellValue): boolean => cellText(value) === "";

/** One item per line (Alt+Enter in Excel); blank lines and a leading bullet dropped. */
export function cellLines(value: CellValue): string[] {
  return cellText(value)
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[•·]\s*/, "").trim())
    .filter((line) => line !== "");
}

export const linesCell = (items: readonly string[]): string => items.join("\n");

// ---------------------------------------------------------------------------------------------
// Service
// ---------------------------------------------------------------------------------------------

/** What the Service drop-down offers: the labels the rest of the product shows. */
export const SERVICE_CHOICES: readonly string[] = SERVICES.map((s) => SERVICE_LABELS[s]);

const SERVICE_SPELLINGS: ReadonlyMap<string, Service> = new Map(
  SERVICES.flatMap((s) => [s, SERVICE_LABELS[s]].map((name) => [normalizeText(name), s] as const)).concat([
    [normalizeText("L&D"), "liaison-diversion"],
    [normalizeText("Liaison and Diversion"), "liaison-diversion"],
    [normalizeText("RECONNECT"), "reconnect"],
    [normalizeText("Enhanced RECONNECT"), "reconnect"],
    [normalizeText("Other"), "other"],
  ]),
);

export const serviceCell = (service: Service): string => SERVICE_LABELS[service];

export function readService(value: CellValue): Service | null {
  return SERVICE_SPELLINGS.get(normalizeText(cellText(value))) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Section
// ---------------------------------------------------------------------------------------------

export const SECTION_LABELS: Readonly<Record<RoleSection, string>> = {
  core: "Core",
  specific: "Role-specific",
  locality: "Locality-specific",
};

export const SECTION_CHOICES: readonly string[] = ROLE_SECTIONS.map((s) => SECTION_LABELS[s]);

const SECTION_SPELLINGS: ReadonlyMap<string, RoleSection> = new Map(
  ROLE_SECTIONS.flatMap((s) =>
    [s, SECTION_LABELS[s], `${SECTION_LABELS[s]} competences`].map((name) => [normalizeText(name), s] as const),
  ).concat([
    [normalizeText("Common/core"), "core"],
    [normalizeText("Local"), "locality"],
  ]),
);

export const sectionCell = (section: RoleSection): string => SECTION_LABELS[section];

export function readSection(value: CellValue): RoleSection | null {
  return SECTION_SPELLINGS.get(normalizeText(cellText(value))) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Principle
// ---------------------------------------------------------------------------------------------

/** "1. Communication", as the role profiles number their principles. */
export const principleCell = (p: PrincipleDefinition): string => `${p.code}. ${p.name}`;

/**
 * A principle by its label ("1. Communication"), its code alone ("1", "A"), its name, a variant or its id. A code
 * with a name that is not that code's principle ("1. Quality") is refused rather than guessed.
 */
export function readPrinciple(value: CellValue, principles: readonly PrincipleDefinition[]): PrincipleDefinition | null {
  const text = cellText(value);
  if (text === "") return null;
  const key = normalizeText(text);
  const byName = principles.find((p) =>
    [p.id, p.name, ...p.variants, principleCell(p), ...p.variants.map((v) => `${p.code}. ${v}`)].some((n) => normalizeText(n) === key),
  );
  if (byName) return byName;
  const coded = /^([1-6A-Ha-h])\s*[.)]?$/.exec(text);
  if (coded) return principles.find((p) => p.code === coded[1]!.toUpperCase()) ?? null;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Career level
// ---------------------------------------------------------------------------------------------

/** 7, "7" or "Level 7" → 7; anything else (12, "senior") → null. */
export function readCareerLevel(value: CellValue): CareerLevel | null {
  const text = cellText(value);
  const n = typeof value === "number" ? value : /^(level\s*)?\d+$/i.test(text) ? Number(text.replace(/\D/g, "")) : Number.NaN;
  return isCareerLevel(n) ? n : null;
}

// ---------------------------------------------------------------------------------------------
// Source (a role's provenance)
// ---------------------------------------------------------------------------------------------

/** What a role typed into the sheet without a source is said to come from. */
export const SHEET_SOURCE: Provenance = {
  source: "Entered on the workbook's Catalog sheet",
  year: "undated",
  status: "secondary",
};

/** "Source (year, status)" on the first line, the note (if any) below it: one cell, read back exactly. */
export function sourceCell(p: Provenance): string {
  return `${p.source} (${p.year}, ${p.status})${p.note ? `\n${p.note}` : ""}`;
}

const SOURCE_LINE = new RegExp(`^(.*\\S)\\s*\\(([^()]+?),\\s*(${PROVENANCE_STATUSES.join("|")})\\)$`);

/**
 * The provenance written by sourceCell. Free text the user typed is the source itself, undated and "secondary"
 * (one non-official source), which is how the product files anything it cannot check.
 */
export function readSource(value: CellValue): Provenance {
  const [first = "", ...rest] = cellText(value).split(/\r?\n/);
  const note = rest.join("\n").trim();
  if (first.trim() === "") return note ? { ...SHEET_SOURCE, note } : SHEET_SOURCE;
  const m = SOURCE_LINE.exec(first.trim());
  const base: Provenance = m
    ? { source: m[1]!, year: m[2]!.trim(), status: m[3] as ProvenanceStatus }
    : { source: first.trim(), year: "undated", status: "secondary" };
  return note ? { ...base, note } : base;
}
