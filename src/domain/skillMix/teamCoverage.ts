import { outOfRange } from "../errors";
import type { SkillRegister } from "./register";
import { isCompetent, isNeeded } from "./status";

/**
 * How the register counts, the same way its native formulas do, so the sheet and the domain agree cell for cell:
 * a cell is needed unless it says "Not required" (a blank still needs assessing); it is held when it says
 * "Competent". A person's coverage is held ÷ needed over their row.
 */
export interface PersonCoverage {
  readonly name: string;
  readonly needed: number;
  readonly competent: number;
  /** competent ÷ needed; null when the person needs nothing. */
  readonly fraction: number | null;
}

export function personCoverage(register: SkillRegister): PersonCoverage[] {
  return register.people.map((person, p) => {
    let needed = 0;
    let competent = 0;
    for (const cell of register.cells[p]!) {
      if (isNeeded(cell)) needed++;
      if (isCompetent(cell)) competent++;
    }
    return { name: person.name, needed, competent, fraction: needed === 0 ? null : competent / needed };
  });
}

/** The single-point-of-failure threshold: a competence held by fewer people than this is at risk. */
export const DEFAULT_MIN_HOLDERS = 2;

/**
 * Why a needed competence is at risk: nobody holds it; exactly one person does ("One holder": a single point of
 * failure); or more do, but fewer than the team wants. Short words, as they show in narrow heatmap columns.
 */
export type CoverRisk = "No holder" | "One holder" | "Too few holders";

export interface CompetenceCover {
  readonly key: string;
  readonly title: string;
  /** People whose cell is not "Not required". */
  readonly needing: number;
  /** People marked Competent. */
  readonly holders: number;
  readonly holdersWte: number;
  readonly developing: number;
  /** Only for a competence someone needs. */
  readonly risk: CoverRisk | null;
}

/** What the register's Cover row says: the risk, "OK", or "Not needed" when nobody needs the competence. */
export type CoverLabel = CoverRisk | "OK" | "Not needed";

export function coverLabel(cover: Pick<CompetenceCover, "needing" | "risk">): CoverLabel {
  return cover.needing === 0 ? "Not needed" : (cover.risk ?? "OK");
}

export function coverRisk(needing: number, holders: number, minHolders: number): CoverRisk | null {
  if (needing === 0) return null;
  if (holders === 0) return "No holder";
  if (holders >= minHolders) return null;
  return holders === 1 ? "One holder" : "Too few holders";
}

function checkMinHolders(minHolders: number): void {
  if (!Number.isInteger(minHolders) || minHolders < 1) {
    throw outOfRange(`the number of holders wanted must be a whole number of at least 1, not ${minHolders}`);
  }
}

/** Per competence: who needs it, who holds it (and their WTE), who is developing it, and the risk. */
export function competenceCover(register: SkillRegister, minHolders = DEFAULT_MIN_HOLDERS): CompetenceCover[] {
  checkMinHolders(minHolders);
  const n = register.competences.length;
  const needing = new Array<number>(n).fill(0);
  const holders = new Array<number>(n).fill(0);
  const wte = new Array<number>(n).fill(0);
  const developing = new Array<number>(n).fill(0);
  // Row by row: the register is stored by person, and 2,000 × 150 cells are read once.
  register.cells.forEach((row, p) => {
    const personWte = register.people[p]!.wte;
    row.forEach((cell, c) => {
      if (isNeeded(cell)) needing[c]!++;
      if (cell.kind !== "status") return;
      if (cell.status === "Competent") {
        holders[c]!++;
        wte[c]! += personWte;
      } else if (cell.status === "Developing") developing[c]!++;
    });
  });
  return register.competences.map((c, i) => ({
    key: c.key,
    title: c.title,
    needing: needing[i]!,
    holders: holders[i]!,
    holdersWte: wte[i]!,
    developing: developing[i]!,
    risk: coverRisk(needing[i]!, holders[i]!, minHolders),
  }));
}

export interface TeamCoverage {
  /** Needed cells over the whole register, and those marked Competent. */
  readonly needed: number;
  readonly competent: number;
  /** competent ÷ needed; null for an empty register. */
  readonly fraction: number | null;
  /** Competences at least one person needs. */
  readonly competencesNeeded: number;
  /** Of those, held by at least the threshold. */
  readonly wellCovered: number;
  readonly noHolder: number;
  readonly singlePoint: number;
  readonly fewerThanWanted: number;
  readonly minHolders: number;
}

export function teamCoverage(register: SkillRegister, minHolders = DEFAULT_MIN_HOLDERS): TeamCoverage {
  const people = personCoverage(register);
  const cover = competenceCover(register, minHolders);
  const needed = people.reduce((n, p) => n + p.needed, 0);
  const competent = people.reduce((n, p) => n + p.competent, 0);
  const count = (risk: CoverRisk) => cover.filter((c) => c.risk === risk).length;
  const competencesNeeded = cover.filter((c) => c.needing > 0).length;
  return {
    needed,
    competent,
    fraction: needed === 0 ? null : competent / needed,
    competencesNeeded,
    wellCovered: cover.filter((c) => c.needing > 0 && c.risk === null).length,
    noHolder: count("No holder"),
    singlePoint: count("One holder"),
    fewerThanWanted: count("Too few holders"),
    minHolders,
  };
}

/**
 * The competences most at risk, worst first: no holder, then fewest holders, then most people needing it, then
 * register order. Only competences with a risk are listed.
 */
export function topGaps(cover: readonly CompetenceCover[], limit = 10): CompetenceCover[] {
  const severity = (c: CompetenceCover) => (c.risk === "No holder" ? 0 : c.risk === "One holder" ? 1 : 2);
  return cover
    .map((c, i) => ({ c, i }))
    .filter((x) => x.c.risk !== null)
    .sort((a, b) => severity(a.c) - severity(b.c) || a.c.holders - b.c.holders || b.c.needing - a.c.needing || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.c);
}
