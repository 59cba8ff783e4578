/** The live result: JE score, band, and how far the score sits from the band's floor and from the next band. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { JeSummary } from "./jeCalculation";

const useStyles = makeStyles({
  card: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  headline: { display: "flex", columnGap: tokens.spacingHorizontalL, alignItems: "baseline", flexWrap: "wrap" },
  figure: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2 },
});

const points = (n: number): string => `${n} ${n === 1 ? "point" : "points"}`;

export function JeScoreSummary({ summary }: { summary: JeSummary }) {
  const styles = useStyles();
  let body;
  if (summary.kind === "incomplete") {
    const n = summary.missing.length;
    body = <Text>{`Choose a level for ${n === 16 ? "each of the 16 factors" : `${n} more ${n === 1 ? "factor" : "factors"}`} to see the JE score.`}</Text>;
  } else if (summary.kind === "unbanded") {
    body = (
      <>
        <div className={styles.headline}>
          <span>
            JE score <span className={styles.figure}>{summary.score}</span>
          </span>
          <span>No band</span>
        </div>
        <Text block size={200} className={styles.detail}>
          {summary.reason}
        </Text>
      </>
    );
  } else {
    const p = summary.position;
    body = (
      <>
        <div className={styles.headline}>
          <span>
            JE score <span className={styles.figure}>{summary.score}</span>
          </span>
          <span>
            Band <span className={styles.figure}>{p.band}</span>
          </span>
        </div>
        <Text block size={200} className={styles.detail}>
          {`${points(p.pointsAboveMin)} above band ${p.band}'s lower boundary (${p.bandMin}); ` +
            (p.nextBand !== null && p.pointsToNextBand !== null
              ? `${points(p.pointsToNextBand)} to band ${p.nextBand}.`
              : "no band above it.")}
        </Text>
      </>
    );
  }
  return (
    <div className={styles.card} role="status" aria-live="polite">
      {body}
    </div>
  );
}
