/** The task pane's title, and a badge when the workbook is the in-memory demo rather than Excel. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy } from "react";

// Only the demo shows it, so Fluent's Badge is not in the first view's scripts: it loads once the demo's workbook
// has opened (after the first view), its place kept until then.
const DemoBadge = lazy(() => import(/* webpackChunkName: "demo-badge" */ "./DemoBadge").then((m) => ({ default: m.DemoBadge })));

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  subtitle: { color: tokens.colorNeutralForegroundOnBrand },
  badge: { marginTop: tokens.spacingVerticalXS },
  // A medium badge's height (Fluent's Badge: 20px), so the pane does not move when the badge arrives.
  badgePlace: { display: "block", height: "20px" },
});

export interface AppHeaderProps {
  /** The workbook is the in-memory demo one. */
  readonly demo: boolean;
  /** The workbook has not arrived yet (App.tsx opens it after the first view). */
  readonly opening?: boolean;
}

export function AppHeader({ demo, opening = false }: AppHeaderProps) {
  const styles = useStyles();
  const place = <span className={`${styles.badge} ${styles.badgePlace}`} />;
  return (
    <header className={styles.header}>
      <Text as="h1" size={500} weight="semibold">
        Workforce Planner
      </Text>
      <Text size={200} className={styles.subtitle}>
        Liaison and Diversion · RECONNECT
      </Text>
      {!demo ? null : opening ? (
        place
      ) : (
        <Suspense fallback={place}>
          <DemoBadge className={styles.badge} />
        </Suspense>
      )}
    </header>
  );
}
