/**
 * A national job profile chosen in the Roles tab: its JE score and band range computed from its levels (the
 * document's own beside it), and the sixteen factors with the level the document gives and what it scores.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../catalog";
import { type NationalProfile, evaluateProfile, factorScoreRange } from "../../domain";
import { nationalProfileLabel } from "../je/nationalProfileLabel";

const useStyles = makeStyles({
  details: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  table: { borderCollapse: "collapse", width: "100%", "& th, & td": { textAlign: "left", verticalAlign: "top", padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
  number: { textAlign: "right", whiteSpace: "nowrap" },
});

const range = (min: number, max: number): string => (min === max ? String(min) : `${min}–${max}`);

export function NationalProfileDetails({ catalog, profile }: { catalog: Catalog; profile: NationalProfile }) {
  const styles = useStyles();
  const scheme = catalog.jeScheme;
  const evaluation = evaluateProfile(scheme, profile);
  const headingId = `profile-details-${profile.id}`;
  const factors = [...profile.factors].sort((a, b) => a.factor - b.factor);
  return (
    <section className={styles.details} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={400} weight="semibold" block>
        {nationalProfileLabel(profile)}
      </Text>
      <dl className={styles.facts}>
        <dt className={styles.term}>JE score</dt>
        <dd className={styles.value}>{range(evaluation.min, evaluation.max)}</dd>
        <dt className={styles.term}>Band</dt>
        <dd className={styles.value}>{evaluation.bandMin === evaluation.bandMax ? evaluation.bandMin : `${evaluation.bandMin}–${evaluation.bandMax}`}</dd>
        <dt className={styles.term}>Document</dt>
        <dd className={styles.value}>
          {`${range(profile.documentScore.min, profile.documentScore.max)}, band ${profile.documentBand}: ${evaluation.matchesDocument ? "the levels give the same range" : "the levels give a different range"}`}
        </dd>
        <dt className={styles.term}>Source</dt>
        <dd className={styles.value}>{`${profile.provenance.source} (${profile.provenance.year}, ${profile.provenance.status})`}</dd>
      </dl>
      <table className={styles.table} aria-label="JE levels">
        <thead>
          <tr>
            <th scope="col">Factor</th>
            <th scope="col">Level</th>
            <th scope="col" className={styles.number}>
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {factors.map((f) => {
            const s = factorScoreRange(scheme, f.factor, f.levelText);
            return (
              <tr key={f.factor}>
                <th scope="row">{`${f.factor}. ${scheme.factors[f.factor - 1]!.name}`}</th>
                <td>{f.levelText}</td>
                <td className={styles.number}>{range(s.min, s.max)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
