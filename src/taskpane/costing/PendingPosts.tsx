/**
 * The posts waiting to be built into the plan, each with its cost at the plan's parameters and a Remove button.
 * A live line says what was just added or removed; after a removal, focus lands on the list's heading.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { forwardRef } from "react";
import { type PayData, type PlanParameters, type PlannedPost, postCost, roundedCostLines } from "../../domain";
import { formatDate, formatMoney, zoneLabel } from "./costingText";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  detail: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  heading: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

/** A post's total as the plan's Total column will show it: the sum of its lines rounded to the penny. */
function costOf(pay: PayData, post: PlannedPost, parameters: PlanParameters): number | null {
  try {
    return roundedCostLines(postCost(pay, { ...post, year: parameters.year, pensionBasis: parameters.pensionBasis, includeLevy: parameters.includeLevy })).total;
  } catch {
    // A post the year can't cost shows without a figure; the plan's Check column will say why.
    return null;
  }
}

function describePost(pay: PayData, post: PlannedPost, parameters: PlanParameters): string {
  const parts = [
    post.role || "No role",
    `band ${post.band} ${post.point}`,
    `${post.wte} WTE`,
    ...(post.hcasZone === "none" ? [] : [zoneLabel(post.hcasZone)]),
    post.status.toLowerCase(),
    ...(post.startInBand ? [`in band since ${formatDate(post.startInBand)}`] : []),
  ];
  const total = costOf(pay, post, parameters);
  return `${parts.join(", ")}${total === null ? "" : `: ${formatMoney(total)} a year`}`;
}

export interface PendingPostsProps {
  readonly pay: PayData;
  readonly posts: readonly PlannedPost[];
  readonly parameters: PlanParameters;
  /** What just changed, for the live line: "Added “X”." */
  readonly news: string;
  readonly onRemove: (index: number) => void;
}

export const PendingPosts = forwardRef<HTMLHeadingElement, PendingPostsProps>(function PendingPosts(
  { pay, posts, parameters, news, onRemove },
  headingRef,
) {
  const styles = useStyles();
  return (
    <div>
      <Text as="h3" weight="semibold" size={300} block ref={headingRef} tabIndex={-1} className={styles.heading}>
        {`Posts to add (${posts.length})`}
      </Text>
      <Text block size={200} role="status" aria-live="polite">
        {news}
      </Text>
      {posts.length === 0 ? (
        <Text block size={200}>
          None yet. Building with none still refreshes the plan's formulas and reference sheets.
        </Text>
      ) : (
        <ul className={styles.list} aria-label="Posts to add">
          {posts.map((post, i) => (
            <li key={post.post} className={styles.item}>
              <span>
                <span className={styles.name}>{post.post}</span>
                <span className={styles.detail}>{describePost(pay, post, parameters)}</span>
              </span>
              <Button size="small" aria-label={`Remove ${post.post}`} onClick={() => onRemove(i)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {posts.length > 0 ? <PendingTotal pay={pay} posts={posts} parameters={parameters} /> : null}
    </div>
  );
});

/** The posts to add together, at the plan's parameters (before the vacancy factor, as each line is). */
function PendingTotal({ pay, posts, parameters }: Pick<PendingPostsProps, "pay" | "posts" | "parameters">) {
  const costs = posts.map((p) => costOf(pay, p, parameters));
  const known = costs.filter((c): c is number => c !== null);
  // Pennies, so the total is the sum of the lines as shown.
  const total = known.reduce((sum, c) => sum + Math.round(c * 100), 0) / 100;
  const missing = costs.length - known.length;
  return (
    <Text block weight="semibold">
      {`Together: ${formatMoney(total)} a year in ${parameters.year}${missing > 0 ? ` (${missing} post${missing === 1 ? "" : "s"} without a cost)` : ""}`}
    </Text>
  );
}
