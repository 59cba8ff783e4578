/**
 * The Forecast tab: from the staffing plan, a month-by-month pay forecast over one to five financial years. Choose
 * the first year and the horizon, the award assumed for each year the catalog does not have and any funded rate;
 * build or refresh the Forecast sheets; read each year's totals, drift and award gap here.
 */
import { Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Catalog } from "../../catalog";
import { type Forecast, MAX_FORECAST_YEARS, dayOf, financialYearOf, horizonYears, nextYear, roundPennies, roundedCostLines } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { useFieldStyles } from "../costing/CostingFields";
import { WriteStatus } from "../writing/WriteStatus";
import { useSheetsWriter } from "../writing/useSheetsWriter";
import { forecastJob } from "./forecastJob";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS, alignItems: "start" },
  hint: { color: tokens.colorNeutralForeground3 },
  table: { tableLayout: "fixed", width: "100%", minWidth: 0 },
  money: { textAlign: "right", fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
});

const pounds = (n: number): string => `£${roundPennies(n).toLocaleString("en-GB", { maximumFractionDigits: 0 })}`;

/** "2.5", "2.5%", "" → 2.5 / null; anything else is a message. */
function percent(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return { ok: true, value: null };
  const n = Number(t);
  return Number.isFinite(n) && n > -100 && n <= 100 ? { ok: true, value: n } : { ok: false, message: `'${text}' is not a percentage, such as 2.5` };
}

export function ForecastTab({ catalog, workbook }: { catalog: Catalog; workbook: WorkbookAdapter }) {
  const styles = useStyles();
  const fields = useFieldStyles();
  const today = new Date();
  const catalogYears = catalog.pay.payScales.map((s) => s.year).sort();
  const [fromYear, setFromYear] = useState(() => financialYearOf(dayOf(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate())));
  const [years, setYears] = useState(3);
  const [awards, setAwards] = useState<Record<string, string>>({});
  const [funded, setFunded] = useState<Record<string, string>>({});
  const [forecast, setForecast] = useState<Forecast | null>(null);
  const writer = useSheetsWriter(workbook);
  const horizon = horizonYears(fromYear, years);
  const fromChoices = Array.from({ length: 6 }, (_, i) => nextYear(catalogYears[0]!, i));

  const problems: Record<string, string> = {};
  const read = (values: Record<string, string>, kind: string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const y of horizon) {
      const p = percent(values[y] ?? "");
      if (!p.ok) problems[`${kind}${y}`] = p.message;
      else if (p.value !== null) out[y] = p.value;
    }
    return out;
  };
  const assumed = horizon.filter((y) => !catalogYears.includes(y));
  const awardRates = Object.fromEntries(Object.entries(read(awards, "award")).filter(([y]) => assumed.includes(y)));
  const fundedRates = read(funded, "funded");
  const build = (): void => {
    if (Object.keys(problems).length > 0) return;
    void writer.run(
      forecastJob(
        catalog,
        { fromYear, years, awards: awardRates, funded: fundedRates, pensionBasis: "employer", includeLevy: false, vacancyFactor: 0, proration: "monthly" },
        setForecast,
      ),
    );
  };

  return (
    <div className={styles.section}>
      <Text size={200} className={styles.hint}>
        From the staffing plan: every post month by month, pay steps on their anniversaries, joiners and leavers by their dates (edit
        Start date and End date on the Forecast sheet). Building again keeps your edits there.
      </Text>
      <div className={styles.pair}>
        <Field label="First year" className={fields.field}>
          <Select className={fields.control} value={fromYear} onChange={(_, d) => setFromYear(d.value)}>
            {fromChoices.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Years" className={fields.field}>
          <Select className={fields.control} value={String(years)} onChange={(_, d) => setYears(Number(d.value))}>
            {Array.from({ length: MAX_FORECAST_YEARS }, (_, i) => (
              <option key={i} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {horizon.map((y) => (
        <div key={y} className={styles.pair}>
          {assumed.includes(y) ? (
            <Field className={fields.field} label={`Award ${y}`} validationState={problems[`award${y}`] ? "error" : "none"} validationMessage={problems[`award${y}`] ?? (awards[y] ? undefined : "No award assumed")}>
              <Input className={fields.control} inputMode="decimal" contentAfter="%" value={awards[y] ?? ""} onChange={(_, d) => setAwards({ ...awards, [y]: d.value })} />
            </Field>
          ) : (
            <Field className={fields.field} label={`Pay ${y}`}>
              <Text size={200}>from the catalog</Text>
            </Field>
          )}
          <Field className={fields.field} label={`Funded ${y}`} validationState={problems[`funded${y}`] ? "error" : "none"} validationMessage={problems[`funded${y}`]}>
            <Input className={fields.control} inputMode="decimal" contentAfter="%" value={funded[y] ?? ""} onChange={(_, d) => setFunded({ ...funded, [y]: d.value })} />
          </Field>
        </div>
      ))}
      <div>
        <Button appearance="primary" disabledFocusable={writer.busy} onClick={build}>
          {forecast ? "Refresh forecast" : "Build forecast"}
        </Button>
      </div>
      <WriteStatus writer={writer} />
      {forecast ? (
        <Table aria-label="Forecast by year" size="extra-small" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Year</TableHeaderCell>
              <TableHeaderCell>Total</TableHeaderCell>
              <TableHeaderCell>Drift</TableHeaderCell>
              <TableHeaderCell>Award gap</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {forecast.years.map((y) => (
              <TableRow key={y.year}>
                <TableCell>
                  {y.year}
                  {y.status === "assumed" ? <Text size={100} block>{y.award ? `assumed, ${y.award}% award` : "no award assumed"}</Text> : null}
                </TableCell>
                {/* The Total the Forecast summary and `wfp forecast` show: the sum of the lines rounded to the penny. */}
                <TableCell className={styles.money}>{pounds(roundedCostLines(y).total)}</TableCell>
                <TableCell className={styles.money}>{pounds(y.drift)}</TableCell>
                <TableCell className={styles.money}>{y.funded === null ? "—" : pounds(y.awardGap)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}
