/** The chosen role: service, level, competence counts, the competences grouped, and the insert button. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../catalog";
import { type Role, SERVICE_LABELS } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { sheetNameFor } from "../../sheets/names";
import { roleProfileSheet } from "../../sheets/roleProfile";
import { InsertSheet } from "../writing/InsertSheet";
import { CompetenceGroups } from "./CompetenceGroups";
import { competenceCountText, competenceCounts, groupCompetences } from "./roleSearch";

const useStyles = makeStyles({
  details: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

export interface RoleDetailsProps {
  readonly catalog: Catalog;
  readonly role: Role;
  readonly workbook: WorkbookAdapter;
}

export function RoleDetails({ catalog, role, workbook }: RoleDetailsProps) {
  const styles = useStyles();
  const level = catalog.careerLevels.find((l) => l.level === role.careerFrameworkLevel);
  const counts = competenceCounts(role);
  const plan = () => roleProfileSheet(catalog, role);
  const headingId = `role-details-${role.id}`;
  return (
    <section className={styles.details} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} size={400} weight="semibold" block>
        {role.title}
      </Text>
      <dl className={styles.facts}>
        <dt className={styles.term}>Service</dt>
        <dd className={styles.value}>{SERVICE_LABELS[role.service]}</dd>
        <dt className={styles.term}>Level</dt>
        <dd className={styles.value}>{`Career framework level ${role.careerFrameworkLevel}${level ? `: ${level.title}` : ""}`}</dd>
        <dt className={styles.term}>Competences</dt>
        <dd className={styles.value}>
          {competenceCountText(counts)}
        </dd>
      </dl>
      {/* Keyed by role: a message about the last role's sheet never sits under another role. */}
      <InsertSheet
        key={role.id}
        workbook={workbook}
        label="Insert role profile"
        job={{ what: "role profile", sheet: sheetNameFor(role.title), makePlan: plan }}
      />
      <CompetenceGroups sections={groupCompetences(catalog, role)} />
    </section>
  );
}
