/**
 * The live result: JE score and band — a range when factors are given as ranges (550–599, 8a–8b) — and, for each
 * end, how far it sits from its band's lower boundary and from the next band.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { type JeEnd, type JeSummary, bandRangeText } from "./jeCalculation";

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

/** "10 points above band 8a's lower boundary (540); 35 points to band 8b." */
function endDetail(end: JeEnd): string {
  if (end.kind === "unbanded") return `${end.reason}.`;
  const p = end.position;
  return (
    `${points(p.pointsAboveMin)} above band ${p.band}'s lower boundary (${p.bandMin}); ` +
    (p.nextBand !== null && p.pointsToNextBand !== null ? `${points(p.pointsToNextBand)} to band ${p.nextBand}.` : "no band above it.")
  );
}

export function JeScoreSummary({ summary }: { summary: JeSummary }) {
  const styles = useStyles();
  let body;
  if (summary.kind === "incomplete") {
    const n = summary.missing.length;
    body = <Text>{`Give a level for ${n === 16 ? "each of the 16 factors" : `${n} more ${n === 1 ? "factor" : "factors"}`} to see the JE score.`}</Text>;
  } else if (summary.kind === "invalid") {
    const f = summary.factors;
    body = <Text>{`${f.length === 1 ? "Factor" : "Factors"} ${f.join(", ")}: not a level of ${f.length === 1 ? "that factor" : "those factors"} (see below).`}</Text>;
  } else {
    const single = summary.min.score === summary.max.score;
    const bands = bandRangeText(summary);
    body = (
      <>
        <div className={styles.headline}>
          <span>
            JE score <span className={styles.figure}>{single ? summary.min.score : `${summary.min.score}–${summary.max.score}`}</span>
          </span>
          {bands ? (
            <span>
              Band <span className={styles.figure}>{bands}</span>
            </span>
          ) : (
            <span>No band</span>
          )}
        </div>
        {single ? (
          <Text block size={200} className={styles.detail}>
            {endDetail(summary.min)}
          </Text>
        ) : (
          <>
            <Text block size={200} className={styles.detail}>
              {`Lowest ${summary.min.score}: ${endDetail(summary.min)}`}
            </Text>
            <Text block size={200} className={styles.detail}>
              {`Highest ${summary.max.score}: ${endDetail(summary.max)}`}
            </Text>
          </>
        )}
      </>
    );
  }
  return (
    <div className={styles.card} role="status" aria-live="polite">
      {body}
    </div>
  );
}
