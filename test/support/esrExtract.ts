/**
 * A made-up funded establishment and ESR staff-in-post extract, deterministic for a seed, with every status,
 * category and flag the reconciliation knows, hostile ids (wildcards, a leading "=", ids differing only in case)
 * and a name column the add-in must never copy. `node scripts/establishment-fixtures.mjs` writes the committed fixtures
 * in test/fixtures/establishment from it; tests and the bench build larger cases in memory.
 */

export const FUNDED_COLUMNS = ["Position", "Cost centre", "Role", "Band", "Funded WTE", "Budget", "Vacant since"] as const;
export const ESR_COLUMNS = [
  "Assignment Number", "Full Name", "Position Number", "Position Title", "Organisation", "Pay Band", "Spinal Point", "FTE",
  "Contracted Hours", "Assignment Category", "Assignment Status", "Fixed Term End Date",
] as const;

export const EXTRACT_AS_AT = "2026-01-15";

export const ESR_STATUSES = [
  "Active Assignment", "Acting Up", "Maternity & Adoption", "Suspend Assignment", "Long Term Sick",
  "Out on External Secondment - Paid", "Career Break", "Terminate Assignment", "End Assignment", "Inactive Not Worked",
] as const;
export const ESR_CATEGORIES = ["Permanent", "Fixed Term Temp", "Bank", "Locum"] as const;

const ROLES: readonly { title: string; band: string }[] = [
  { title: "Liaison and Diversion Practitioner", band: "6" },
  { title: "Senior Practitioner", band: "7" },
  { title: "Team Manager", band: "8a" },
  { title: "Service Manager", band: "8b" },
  { title: "Support Time Recovery Worker", band: "4" },
  { title: "Peer Support Worker", band: "3" },
  { title: "Administrator", band: "3" },
  { title: "Assistant Psychologist", band: "5" },
  { title: "Receptionist", band: "2" },
];
const COST_CENTRES = ["W1000 L&D North", "W1001 L&D South", "W1002 RECONNECT", "W1003 Custody*", "W1004 Courts?", "=W1005 Admin", "W1006 ~Outreach"];
const FORENAMES = ["Ada", "Ben", "Cara", "Dev", "Ela", "Finn", "Gita", "Huw", "Isla", "Jon", "Kemi", "Liam"];
const SURNAMES = ["Example", "Sample", "Testcase", "Madeup", "Fictional", "Placeholder"];

/** mulberry32: a small, well-mixed, seedable generator, so the fixtures are the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Extract {
  funded: string[][];
  staff: string[][];
}

const iso = (base: string, days: number): string => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ukDate = (isoDate: string): string => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const esrDate = (isoDate: string): string => `${isoDate.slice(8, 10)}-${MONTHS[Number(isoDate.slice(5, 7)) - 1]}-${isoDate.slice(0, 4)}`;

function esrBand(band: string, pick: number): string {
  const m = /^(\d)([a-d])$/.exec(band);
  const forms = m
    ? [`Band ${band}`, `Review Body Band ${m[1]} - Range ${m[2]!.toUpperCase()}`, band.toUpperCase()]
    : [`Band ${band}`, `Review Body Band ${band}`, band];
  return forms[pick % forms.length]!;
}

/** Spinal points a band has: bands 2–4 have no intermediate point. */
function pointFor(band: string, pick: number): string {
  const points = ["2", "3", "4"].includes(band) ? ["", "entry", "top"] : ["", "entry", "intermediate", "top"];
  return points[pick % points.length]!;
}

/**
 * `positions` funded positions and exactly `assignments` ESR rows (at least 30), the same for the same seeds:
 * another `staffSeed` gives another month's extract against the same establishment.
 */
export function generateExtract(positions: number, assignments: number, seed = 14, staffSeed = seed): Extract {
  let next = random(seed);
  const int = (n: number): number => Math.floor(next() * n);
  const funded: string[][] = [];
  const roleOf: { title: string; band: string }[] = [];
  for (let i = 0; i < positions; i++) {
    const role = ROLES[int(ROLES.length)]!;
    roleOf.push(role);
    // A few ids a wildcard or an operator would mis-read if criteria were not literal.
    const id = i === 7 ? "POS-0007*" : i === 8 ? "POS-000?" : i === 9 ? "=POS-0009" : i === 10 ? "~POS-0010" : `POS-${String(i).padStart(4, "0")}`;
    const wte = [1, 1, 1, 1, 1, 0.5, 0.8, 2][int(8)]!;
    const budget = int(5) === 0 ? String(Math.round(wte * (30000 + int(40000)))) : "";
    const vacantSince = int(4) === 0 ? (int(2) === 0 ? iso(EXTRACT_AS_AT, -(10 + int(300))) : ukDate(iso(EXTRACT_AS_AT, -(10 + int(300))))) : "";
    const band = int(12) === 0 ? `Band ${role.band}` : role.band;
    funded.push([id, COST_CENTRES[int(COST_CENTRES.length)]!, role.title, band, String(wte), budget, vacantSince]);
  }

  if (staffSeed !== seed) next = random(staffSeed);
  const staff: string[][] = [];
  let n = 0;
  const add = (position: string, title: string, costCentre: string, band: string, fte: number, category: string, status: string, end = ""): void => {
    n++;
    const name = `${SURNAMES[int(SURNAMES.length)]}, ${FORENAMES[int(FORENAMES.length)]}`;
    const byHours = int(6) === 0;
    const fteText = byHours ? "" : String(fte);
    const hours = byHours ? String(Math.round(fte * 37.5 * 100) / 100) : "";
    staff.push([
      String(10_000_000 + n * 7), name, position, title, costCentre, esrBand(band, int(3)), pointFor(band, int(4)), fteText, hours, category, status, end,
    ]);
  };
  const fixedTermEnd = (): string => {
    const days = [-20, 30, 80, 95, 200][int(5)]!;
    const d = iso(EXTRACT_AS_AT, days);
    return [d, ukDate(d), esrDate(d)][int(3)]!;
  };

  // Guaranteed coverage first: every status and category once, and each flag.
  const on = (i: number) => ({ id: funded[i % positions]![0]!, title: roleOf[i % positions]!.title, cc: funded[i % positions]![1]!, band: roleOf[i % positions]!.band });
  ESR_STATUSES.forEach((status, k) => {
    const p = on(11 + k);
    add(p.id, p.title, p.cc, p.band, 0.5, "Permanent", status);
  });
  ESR_CATEGORIES.forEach((category, k) => {
    const p = on(25 + k);
    add(p.id, p.title, p.cc, p.band, 0.4, category, "Active Assignment", category === "Fixed Term Temp" ? esrDate(iso(EXTRACT_AS_AT, 45)) : "");
  });
  const mismatch = on(7);
  add(mismatch.id, mismatch.title, mismatch.cc, mismatch.band === "6" ? "7" : "6", 1, "Permanent", "Active Assignment");
  add("POS-9999", "Unfunded Practitioner", COST_CENTRES[0]!, "5", 0.6, "Permanent", "Active Assignment");
  add(funded[12 % positions]![0]!.toLowerCase(), "Practitioner", COST_CENTRES[1]!, "6", 0.3, "Fixed Term Temp", "Active Assignment", fixedTermEnd());
  const wild = on(8);
  add(wild.id, wild.title, wild.cc, wild.band, 0.5, "Permanent", "Active Assignment");
  const eq = on(9);
  add(eq.id, eq.title, eq.cc, eq.band, 1, "Permanent", "Maternity & Adoption");

  // Then the rest: mostly staff on their positions, some unfunded, bank, ended or absent.
  let cursor = 0;
  while (n < assignments) {
    const kind = int(20);
    // Walk the positions, skipping some (vacancies) and wrapping round (over-establishment, job shares).
    cursor += int(6) === 0 ? 2 : 1;
    const p = on(cursor);
    const fte = [1, 1, 1, 1, 0.8, 0.6, 0.5, 0.4][int(8)]!;
    const category = kind < 3 ? "Fixed Term Temp" : kind === 3 ? "Bank" : kind === 4 ? "Locum" : "Permanent";
    const status = kind === 5 ? ESR_STATUSES[2 + int(ESR_STATUSES.length - 2)]! : int(10) === 0 ? "Acting Up" : "Active Assignment";
    if (kind === 6) add(`POS-U${String(n).padStart(4, "0")}`, "Unfunded Support Worker", COST_CENTRES[int(COST_CENTRES.length)]!, "4", fte, category, status);
    else add(p.id, p.title, p.cc, int(25) === 0 ? ROLES[int(ROLES.length)]!.band : p.band, fte, category, status, category === "Fixed Term Temp" ? fixedTermEnd() : "");
  }
  return { funded, staff: staff.slice(0, assignments) };
}

/** CSV text: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [headers, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}
