import { type Band, compareBands, parseBand } from "./band";
import { parseIsoDate } from "./date";
import { describeInput, invalid } from "./errors";
import { type HcasZone, type PayData, type PayPointName, type PensionBasis, parseHcasZone, parsePayPoint } from "./pay";
import { type PostCost, applyVacancyFactor, postCost } from "./postCost";

export const POST_STATUSES = ["In post", "Vacant"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** One post of a staffing plan, as a service manager enters it. */
export interface PlannedPost {
  post: string;
  role: string;
  band: Band;
  point: PayPointName;
  wte: number;
  hcasZone: HcasZone | "none";
  status: PostStatus;
  /** ISO date the post holder started in the band, when known. */
  startInBand?: string;
  /** For a forecast: the budget line the post is charged to, its first and last days in post (ISO dates). */
  costCentre?: string;
  startDate?: string;
  endDate?: string;
}

export interface PlanParameters {
  year: string;
  pensionBasis: PensionBasis;
  includeLevy: boolean;
  /** Fraction of the establishment cost expected to go unspent through vacancies (0.03 = 3%). */
  vacancyFactor: number;
}

export interface PlanCosting {
  posts: { post: PlannedPost; cost: PostCost }[];
  totals: { wte: number; basic: number; hcas: number; employerNI: number; pension: number; levy: number; total: number };
  /** The total after the vacancy factor: the budget. */
  budget: number;
}

/** Costs every post of a plan with the plan's parameters; the vacancy factor applies to the plan's total. */
export function costPlan(data: PayData, posts: readonly PlannedPost[], parameters: PlanParameters): PlanCosting {
  const costed = posts.map((post) => ({
    post,
    cost: postCost(data, {
      band: post.band,
      point: post.point,
      wte: post.wte,
      year: parameters.year,
      hcasZone: post.hcasZone,
      pensionBasis: parameters.pensionBasis,
      includeLevy: parameters.includeLevy,
    }),
  }));
  const totals = { wte: 0, basic: 0, hcas: 0, employerNI: 0, pension: 0, levy: 0, total: 0 };
  for (const { post, cost } of costed) {
    totals.wte += post.wte;
    totals.basic += cost.basic;
    totals.hcas += cost.hcas;
    totals.employerNI += cost.employerNI;
    totals.pension += cost.pension;
    totals.levy += cost.levy;
    totals.total += cost.total;
  }
  return { posts: costed, totals, budget: applyVacancyFactor(totals.total, parameters.vacancyFactor) };
}

export interface MixRow<K> {
  key: K;
  posts: number;
  wte: number;
  cost: number;
}

/** Posts, WTE and cost by band, in pay order. */
export function planByBand(costing: PlanCosting): MixRow<Band>[] {
  const rows = new Map<Band, MixRow<Band>>();
  for (const { post, cost } of costing.posts) {
    const row = rows.get(post.band) ?? { key: post.band, posts: 0, wte: 0, cost: 0 };
    row.posts += 1;
    row.wte += post.wte;
    row.cost += cost.total;
    rows.set(post.band, row);
  }
  return [...rows.values()].sort((a, b) => compareBands(a.key, b.key));
}

/** Reads one post from loosely typed fields (a CSV row, a table row), naming the post in any error. */
export function parsePlannedPost(fields: Record<string, unknown>, where: string): PlannedPost {
  const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());
  const at = (e: unknown): never => {
    throw invalid(`${where}: ${(e as Error).message}`);
  };
  const post = text(fields.post);
  if (post === "") at(new Error("the post has no name"));
  let band: Band;
  let point: PayPointName;
  let hcasZone: HcasZone | "none";
  try {
    band = parseBand(typeof fields.band === "string" && /^\d+$/.test(fields.band.trim()) ? Number(fields.band) : fields.band);
  } catch (e) {
    return at(e);
  }
  try {
    const p = text(fields.point) === "" ? "top" : parsePayPoint(fields.point);
    point = typeof p === "number" ? (["entry", "intermediate", "top"] as const)[p - 1]! : p;
  } catch (e) {
    return at(e);
  }
  const wteText = text(fields.wte);
  const wte = wteText === "" ? 1 : Number(wteText);
  if (!Number.isFinite(wte) || wte < 0 || wte > 1.5) at(new Error(`${describeInput(fields.wte)} is not a WTE from 0 to 1.5`));
  try {
    hcasZone = parseHcasZone(text(fields.hcasZone));
  } catch (e) {
    return at(e);
  }
  const statusText = text(fields.status).toLowerCase();
  const status: PostStatus = statusText === "" || statusText === "in post" ? "In post" : statusText === "vacant" ? "Vacant" : at(new Error(`${describeInput(fields.status)} is not a status: give "In post" or "Vacant"`));
  const date = (v: unknown): string => {
    const t = text(v);
    try {
      return t === "" ? "" : parseIsoDate(t);
    } catch (e) {
      return at(e);
    }
  };
  const [start, startDate, endDate] = [date(fields.startInBand), date(fields.startDate), date(fields.endDate)];
  if (startDate !== "" && endDate !== "" && endDate < startDate) at(new Error(`the end date ${endDate} is before the start date ${startDate}`));
  const costCentre = text(fields.costCentre);
  return {
    post,
    role: text(fields.role),
    band,
    point,
    wte,
    hcasZone,
    status,
    ...(start ? { startInBand: start } : {}),
    ...(costCentre ? { costCentre } : {}),
    ...(startDate ? { startDate } : {}),
    ...(endDate ? { endDate } : {}),
  };
}
