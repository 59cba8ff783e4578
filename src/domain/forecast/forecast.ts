import { type Band, compareBands } from "../band";
import { invalid } from "../errors";
import { type HcasZone, type PayData, type PayPointName, type PensionBasis } from "../pay";
import type { PostStatus } from "../staffingPlan";
import { hcasOn } from "../postCost";
import { type Day, type ForecastMonth, daysInFinancialYear, monthsOfYear, nextYear, parseIsoDay } from "./dates";
import { type Ladder, ladderOf, pointOn } from "./ladder";
import { type ForecastStatus, type YearScale, forecastScales, fundedScale } from "./scales";

export const MAX_FORECAST_YEARS = 5;
export type Proration = "monthly" | "calendar";

/** One post of a forecast: a staffing-plan post with the dates and cost centre a budget needs. */
export interface ForecastPost {
  post: string;
  role: string;
  costCentre: string;
  band: Band;
  /** Undefined: not given (top, or entry for a joiner). */
  point?: PayPointName;
  wte: number;
  hcasZone: HcasZone | "none";
  status: PostStatus;
  /** ISO dates. */
  startInBand?: string;
  /** First day in post. */
  startDate?: string;
  /** Last day in post. */
  endDate?: string;
}

export interface ForecastSettings {
  /** First financial year, "2026/27". */
  fromYear: string;
  /** 1 to 5. */
  years: number;
  /** Award (percent) per year the catalog does not have; missing = 0, "no award assumed". */
  awards?: Readonly<Record<string, number>>;
  /** Funded rate (percent) per year: the award gap is the cost at the assumed award minus the cost at this. */
  funded?: Readonly<Record<string, number>>;
  pensionBasis: PensionBasis;
  includeLevy: boolean;
  /** 0 ≤ f < 1. */
  vacancyFactor: number;
  /** "monthly": annual ÷ 12, a part month by calendar days; "calendar": annual ÷ 365 (366) × days. */
  proration: Proration;
}

export interface Lines {
  basic: number;
  hcas: number;
  employerNI: number;
  pension: number;
  levy: number;
  total: number;
}

export interface YearTotals extends Lines {
  year: string;
  status: ForecastStatus;
  onCostStatus: ForecastStatus;
  award: number | null;
  funded: number | null;
  /** Cost with steps minus cost with every row held on its point at the start of the year (or its start date). */
  drift: number;
  /** Cost at the assumed award minus cost at the funded rate; 0 where no funded rate is given. */
  awardGap: number;
  /** −vacancy factor × total: a separate negative line. */
  vacancy: number;
  budget: number;
}

export interface PostYear extends Lines {
  year: string;
  drift: number;
  awardGap: number;
}

export interface PostForecast {
  post: ForecastPost;
  ladder: Ladder;
  /** Pounds per month, in month order; the total of every line. */
  months: number[];
  /** Basic + HCAS per month, in month order: what the Forecast sheet's month columns show. */
  monthsPay: number[];
  years: PostYear[];
}

export interface Forecast {
  settings: ForecastSettings;
  years: YearTotals[];
  months: { month: string; year: string; total: number }[];
  posts: PostForecast[];
  scales: YearScale[];
}

const zero = (): Lines => ({ basic: 0, hcas: 0, employerNI: 0, pension: 0, levy: 0, total: 0 });

function add(into: Lines, more: Lines): void {
  into.basic += more.basic;
  into.hcas += more.hcas;
  into.employerNI += more.employerNI;
  into.pension += more.pension;
  into.levy += more.levy;
  into.total += more.total;
}

/** The horizon's financial years. */
export function horizonYears(fromYear: string, years: number): string[] {
  if (!(Number.isInteger(years) && years >= 1 && years <= MAX_FORECAST_YEARS)) {
    throw invalid(`a forecast covers 1 to ${MAX_FORECAST_YEARS} financial years, not ${years}`);
  }
  return Array.from({ length: years }, (_, i) => nextYear(fromYear, i));
}

interface Dated {
  ladder: Ladder;
  from: Day;
  to: Day;
}

/** People a post is costed as for NI: a post of up to 1 WTE is one person; above, one per whole or part WTE. */
export function peopleInPost(wte: number): number {
  return wte <= 1 ? 1 : Math.ceil(wte);
}

/**
 * Basic and HCAS of one post in one month: each part of the month between changes (joining, leaving, a step)
 * at its own point, by calendar days. `heldPoint` holds the post on one point (the drift baseline).
 */
function monthPay(dated: Dated, wte: number, zone: HcasZone | "none", scale: YearScale, month: ForecastMonth, divisor: number, heldPoint?: number): { basic: number; hcas: number } {
  const a = Math.max(dated.from, month.first);
  const b = Math.min(dated.to, month.last);
  if (b < a) return { basic: 0, hcas: 0 };
  const pay = scale.pay.get(dated.ladder.payBand)!;
  const rate = zone === "none" ? null : scale.hcas.get(zone) ?? null;
  const cuts = heldPoint === undefined ? dated.ladder.steps.filter((s) => s > a && s <= b) : [];
  let basic = 0;
  let hcas = 0;
  let start = a;
  for (const end of [...cuts, b + 1]) {
    const point = heldPoint ?? pointOn(dated.ladder, start);
    const days = end - start;
    basic += (pay[point]! * days) / divisor;
    hcas += (hcasOn(pay[point]!, rate) * days) / divisor;
    start = end;
  }
  return { basic: basic * wte, hcas: hcas * wte };
}

function monthLines(pay: { basic: number; hcas: number }, scale: YearScale, people: number, settings: ForecastSettings): Lines {
  const o = scale.onCosts;
  const pensionable = pay.basic + pay.hcas;
  const employerNI = o.niRate * Math.max(0, pensionable - (people * o.niThreshold) / 12);
  const pension = (settings.pensionBasis === "full" ? o.pensionFullRate : o.pensionEmployerRate) * pensionable;
  const levy = settings.includeLevy ? o.levyRate * pensionable : 0;
  return { basic: pay.basic, hcas: pay.hcas, employerNI, pension, levy, total: pensionable + employerNI + pension + levy };
}

/** A month's divisor of annual pay: 12 × days in the month (monthly) or the days in the financial year (calendar). */
export function monthDivisor(month: ForecastMonth, proration: Proration): number {
  return proration === "monthly" ? 12 * month.days : daysInFinancialYear(month.year);
}

const FAR_PAST = -1e9;
const FAR_FUTURE = 1e9;

function datedOf(data: PayData, post: ForecastPost): Dated {
  const where = `post '${post.post}'`;
  const day = (text: string | undefined, what: string): Day | undefined => {
    if (text === undefined || text === "") return undefined;
    try {
      return parseIsoDay(text, what);
    } catch (e) {
      throw invalid(`${where}: ${(e as Error).message}`);
    }
  };
  const startDate = day(post.startDate, "a start date");
  const endDate = day(post.endDate, "an end date");
  const startInBand = day(post.startInBand, "a start date in band");
  if (startDate !== undefined && endDate !== undefined && endDate < startDate) {
    throw invalid(`${where}: its end date ${post.endDate} is before its start date ${post.startDate}`);
  }
  const ladder = ladderOf(data, {
    band: post.band,
    ...(post.point ? { point: post.point } : {}),
    ...(startInBand !== undefined ? { startInBand } : {}),
    ...(startDate !== undefined ? { startDate } : {}),
  });
  return { ladder, from: startDate ?? FAR_PAST, to: endDate ?? FAR_FUTURE };
}

/**
 * The month-by-month pay forecast: every post costed per month with its steps, joining and leaving, on-costs per
 * month; per year the totals, the drift (steps) and the award gap (award above the funded rate), and a vacancy line.
 */
export function forecastPay(data: PayData, posts: readonly ForecastPost[], settings: ForecastSettings): Forecast {
  if (!(settings.vacancyFactor >= 0 && settings.vacancyFactor < 1)) {
    throw invalid(`a vacancy factor is a fraction from 0 to under 1 (3% is 0.03), not ${settings.vacancyFactor}`);
  }
  const years = horizonYears(settings.fromYear, settings.years);
  const funded = settings.funded ?? {};
  for (const y of Object.keys(funded)) if (!years.includes(y)) throw invalid(`a funded rate is given for ${y}, outside the forecast (${years[0]} to ${years.at(-1)})`);
  for (const y of Object.keys(settings.awards ?? {})) if (y > years.at(-1)!) throw invalid(`an award is given for ${y}, after the forecast ends (${years.at(-1)})`);
  const needsBefore = Object.keys(funded).length > 0;
  const firstYear = data.payScales.map((s) => s.year).sort()[0]!;
  const scaleYears = needsBefore && years[0]! > firstYear ? [nextYear(years[0]!, -1), ...years] : years;
  const built = forecastScales(data, { years: scaleYears, ...(settings.awards ? { awards: settings.awards } : {}) });
  const scales = built.slice(built.length - years.length);
  const fundedScales = new Map<string, YearScale>();
  for (const [year, rate] of Object.entries(funded)) {
    const i = built.findIndex((s) => s.year === year);
    if (i < 1) throw invalid(`no pay scale before ${year} to apply its funded rate to`);
    fundedScales.set(year, fundedScale(built[i - 1]!, built[i]!, rate));
  }

  const months = years.flatMap(monthsOfYear);
  const monthTotals = months.map(() => 0);
  const yearTotals = years.map(() => ({ lines: zero(), drift: 0, awardGap: 0 }));
  const postResults: PostForecast[] = posts.map((post) => {
    const dated = datedOf(data, post);
    const people = peopleInPost(post.wte);
    const postMonths: number[] = [];
    const monthsPay: number[] = [];
    const postYears: PostYear[] = years.map((year, y) => {
      const scale = scales[y]!;
      const funds = fundedScales.get(year);
      const lines = zero();
      let held = 0;
      let atFunded = 0;
      const yearMonths = months.slice(y * 12, y * 12 + 12);
      const heldPoint = pointOn(dated.ladder, Math.max(dated.from, yearMonths[0]!.first));
      yearMonths.forEach((month, i) => {
        const divisor = monthDivisor(month, settings.proration);
        const m = monthLines(monthPay(dated, post.wte, post.hcasZone, scale, month, divisor), scale, people, settings);
        add(lines, m);
        postMonths.push(m.total);
        monthsPay.push(m.basic + m.hcas);
        monthTotals[y * 12 + i]! += m.total;
        held += monthLines(monthPay(dated, post.wte, post.hcasZone, scale, month, divisor, heldPoint), scale, people, settings).total;
        if (funds) atFunded += monthLines(monthPay(dated, post.wte, post.hcasZone, funds, month, divisor), funds, people, settings).total;
      });
      const drift = lines.total - held;
      const awardGap = funds ? lines.total - atFunded : 0;
      add(yearTotals[y]!.lines, lines);
      yearTotals[y]!.drift += drift;
      yearTotals[y]!.awardGap += awardGap;
      return { year, ...lines, drift, awardGap };
    });
    return { post, ladder: dated.ladder, months: postMonths, monthsPay, years: postYears };
  });

  return {
    settings,
    scales,
    posts: postResults,
    months: months.map((m, i) => ({ month: m.key, year: m.year, total: monthTotals[i]! })),
    years: years.map((year, y) => {
      const t = yearTotals[y]!;
      const vacancy = -settings.vacancyFactor * t.lines.total;
      return {
        year,
        ...t.lines,
        status: scales[y]!.status,
        onCostStatus: scales[y]!.onCosts.status,
        award: scales[y]!.award,
        funded: funded[year] ?? null,
        drift: t.drift,
        awardGap: t.awardGap,
        vacancy,
        budget: t.lines.total + vacancy,
      };
    }),
  };
}

export type ForecastGroup = "costCentre" | "band" | "role";

export interface GroupYear extends Lines {
  key: string;
  year: string;
  drift: number;
  awardGap: number;
}

/** Totals per year by cost centre, band or role; keys compared exactly as written (a literal match). */
export function forecastBy(forecast: Forecast, group: ForecastGroup): GroupYear[] {
  const rows = new Map<string, GroupYear>();
  for (const p of forecast.posts) {
    const key = group === "band" ? p.post.band : group === "role" ? p.post.role : p.post.costCentre;
    for (const y of p.years) {
      const id = `${key}\u0000${y.year}`;
      const row = rows.get(id) ?? { key, year: y.year, ...zero(), drift: 0, awardGap: 0 };
      add(row, y);
      row.drift += y.drift;
      row.awardGap += y.awardGap;
      rows.set(id, row);
    }
  }
  const order = (a: GroupYear, b: GroupYear): number =>
    a.year.localeCompare(b.year) || (group === "band" ? compareBands(a.key as Band, b.key as Band) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return [...rows.values()].sort(order);
}
