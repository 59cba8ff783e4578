/**
 * One post's annual cost, every line with how it is worked out, to the penny; then the sources the figures rest
 * on with their status. The headline (the total, or why there is none) is the only live part, so a screen reader
 * hears the new total at each change, not the whole table.
 */
import { Badge, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type PayData, type PostCost, type Provenance, type ProvenanceStatus, hcasRateFor, onCostsFor, payFor, roundedCostLines } from "../../domain";
import { formatMoney, formatRate, zoneLabel } from "./costingText";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  figure: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "collapse", width: "100%" },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  th: { textAlign: "left", fontWeight: tokens.fontWeightRegular, verticalAlign: "top", padding: `${tokens.spacingVerticalXXS} 0` },
  how: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  amount: { textAlign: "right", verticalAlign: "top", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums", paddingLeft: tokens.spacingHorizontalS },
  total: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
  badge: { marginRight: tokens.spacingHorizontalXS },
});

const BADGE_COLOR: Record<ProvenanceStatus, "success" | "informative" | "subtle" | "warning"> = {
  confirmed: "success",
  secondary: "informative",
  derived: "subtle",
  indicative: "warning",
};

function uniqueSources(sources: readonly Provenance[]): Provenance[] {
  const seen = new Set<string>();
  return sources.filter((s) => (seen.has(s.source) ? false : (seen.add(s.source), true)));
}

export type CostOutcome = { readonly cost: PostCost } | { readonly problem: string };

/** The result card: a live headline, then (with a cost) the lines and sources. Always mounted, so the live region is. */
export function CostResult({ pay, outcome }: { pay: PayData; outcome: CostOutcome }) {
  const styles = useStyles();
  // Shown by the one rounding rule (each line to the penny, the total their sum), as wfp cost prints it.
  const cost = "cost" in outcome ? { ...outcome.cost, ...roundedCostLines(outcome.cost) } : null;
  return (
    <section className={styles.card} aria-label="Post cost">
      <div role="status" aria-live="polite" aria-atomic="true">
        {cost ? (
          <>
            Total <span className={styles.figure}>{formatMoney(cost.total)}</span> a year
            <Text block size={200}>
              {`Band ${cost.band}, ${cost.point} point, ${cost.wte} WTE, ${cost.year}`}
            </Text>
          </>
        ) : (
          <Text>{"problem" in outcome ? outcome.problem : ""}</Text>
        )}
      </div>
      {cost ? <CostBreakdown pay={pay} cost={cost} /> : null}
    </section>
  );
}

/** Which of the HCAS rule's three figures set the amount: the percentage, or the minimum or maximum it is held at. */
export function hcasBasis(cost: PostCost): "percent" | "minimum" | "maximum" | null {
  if (cost.hcasZone === "none") return null;
  const r = cost.rates;
  const raw = (r.hcasPercent / 100) * cost.fullTimePay;
  return raw < r.hcasMinimum ? "minimum" : raw > r.hcasMaximum ? "maximum" : "percent";
}

/** The sources each line rests on, looked up as postCost does; the HCAS minimum's only when the minimum set the amount. */
function lineSources(pay: PayData, cost: PostCost): Record<string, Provenance[]> {
  const rules = onCostsFor(pay, cost.year);
  const hcas = cost.hcasZone === "none" ? null : hcasRateFor(pay, cost.hcasZone, cost.year);
  return {
    "Basic pay": [payFor(pay, cost.band, cost.point, cost.year).provenance],
    HCAS: hcas ? [hcas.provenance, ...(hcas.minimumProvenance && hcasBasis(cost) === "minimum" ? [hcas.minimumProvenance] : [])] : [],
    "Employer NI": [rules.employerNi.provenance],
    Pension: [rules.pension.provenance],
    "Apprenticeship levy": cost.includeLevy ? [rules.apprenticeshipLevy.provenance] : [],
  };
}

function CostBreakdown({ pay, cost }: { pay: PayData; cost: PostCost }) {
  const styles = useStyles();
  const r = cost.rates;
  const wte = `${cost.wte} WTE`;
  const pensionable = "basic + HCAS";
  const basis = hcasBasis(cost);
  const hcasHow =
    basis === null
      ? "No High Cost Area Supplement"
      : basis === "percent"
        ? `${zoneLabel(cost.hcasZone)}: ${r.hcasPercent}% of full-time pay (between the ${formatMoney(r.hcasMinimum)} minimum and ${formatMoney(r.hcasMaximum)} maximum) × ${wte}`
        : basis === "maximum"
          ? `${zoneLabel(cost.hcasZone)}: ${r.hcasPercent}% of full-time pay is ${formatMoney((r.hcasPercent / 100) * cost.fullTimePay)}, above the maximum: capped at ${formatMoney(r.hcasMaximum)} × ${wte}`
          : `${zoneLabel(cost.hcasZone)}: ${r.hcasPercent}% of full-time pay is ${formatMoney((r.hcasPercent / 100) * cost.fullTimePay)}, below the minimum: raised to ${formatMoney(r.hcasMinimum)} × ${wte}`;
  const lines: { label: string; how: string; amount: number }[] = [
    { label: "Basic pay", how: `${formatMoney(cost.fullTimePay)} full-time × ${wte}`, amount: cost.basic },
    { label: "HCAS", how: hcasHow, amount: cost.hcas },
    { label: "Employer NI", how: `${formatRate(r.niRate)} of ${pensionable} above ${formatMoney(r.niThreshold)}`, amount: cost.employerNI },
    {
      label: "Pension",
      how: `${formatRate(r.pensionRate)} of ${pensionable} (${cost.pensionBasis === "full" ? "full rate, with the part paid centrally" : "employer's local rate"})`,
      amount: cost.pension,
    },
    {
      label: "Apprenticeship levy",
      how: cost.includeLevy ? `${formatRate(r.levyRate)} of ${pensionable}` : "Not included: an organisation-level charge",
      amount: cost.levy,
    },
  ];
  const byLine = lineSources(pay, cost);
  // Indicative only where an indicative figure is one this cost uses.
  const indicative = uniqueSources(Object.values(byLine).flat()).filter((s) => s.status === "indicative");
  return (
    <>
      {cost.notes.map((note) => (
        <MessageBar key={note} intent="info" layout="multiline">
          <MessageBarBody>{note}.</MessageBarBody>
        </MessageBar>
      ))}
      {indicative.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Indicative, for guidance only</MessageBarTitle>
            {`${indicative.map((s) => s.source).join("; ")}.`}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <table className={styles.table}>
        <caption className={styles.caption}>Every line of the cost, with its source</caption>
        <tbody>
          {lines.map((line) => (
            <tr key={line.label}>
              <th scope="row" className={styles.th}>
                {line.label}
                <span className={styles.how}>{line.how}</span>
                {(byLine[line.label] ?? []).map((s) => (
                  <span key={s.source} className={styles.how}>
                    <Badge className={styles.badge} size="small" appearance="tint" color={BADGE_COLOR[s.status]}>
                      {s.status}
                    </Badge>
                    {`${s.source} (${s.year})`}
                  </span>
                ))}
              </th>
              <td className={styles.amount}>{formatMoney(line.amount)}</td>
            </tr>
          ))}
          <tr className={styles.total}>
            <th scope="row" className={styles.th}>
              <strong>Total</strong>
            </th>
            <td className={styles.amount}>
              <strong>{formatMoney(cost.total)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
