/** The task pane's title, and a badge when the workbook is the in-memory demo rather than Excel. */
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";

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
});

export function AppHeader({ demo }: { demo: boolean }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Text as="h1" size={500} weight="semibold">
        Workforce Planner
      </Text>
      <Text size={200} className={styles.subtitle}>
        Liaison and Diversion · RECONNECT
      </Text>
      {demo ? (
        <Badge className={styles.badge} appearance="filled" color="informative">
          Demo: an in-memory workbook, not Excel
        </Badge>
      ) : null}
    </header>
  );
}
