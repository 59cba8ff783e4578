/**
 * A role profile as read, for the user to check before it goes into the workbook: the role's facts, its competences
 * grouped as the Roles tab shows them, the competences the catalog did not know, and every problem with its line.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../catalog";
import { type Competence, type Role, SERVICE_LABELS } from "../../domain";
import type { ImportProblem } from "../../domain/import/roleProfileText";
import { CompetenceGroups } from "../roles/CompetenceGroups";
import { competenceCountText, competenceCounts, groupCompetences } from "../roles/roleSearch";
import { problemPlace } from "./profileImport";

const useStyles = makeStyles({
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  quoted: { color: tokens.colorNeutralForeground3 },
});

export function ProfileProblems({ problems }: { problems: readonly ImportProblem[] }) {
  const styles = useStyles();
  if (problems.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>Read with no problems.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{`${problems.length} problem${problems.length === 1 ? "" : "s"} to check`}</MessageBarTitle>
        <Text as="p" block>
          What the reader could not place is listed by line. Fix the text above and read it again, or add the role as it is and
          edit it on the Catalog sheet.
        </Text>
        <ol className={styles.list} aria-label="Problems">
          {problems.map((p, i) => (
            <li key={i}>
              {`${problemPlace(p)}: ${p.reason}`}
              {p.text ? <span className={styles.quoted}>{` — “${p.text}”`}</span> : null}
            </li>
          ))}
        </ol>
      </MessageBarBody>
    </MessageBar>
  );
}

export interface ParsedProfileProps {
  /** The built-in catalog the role was read against. */
  readonly base: Catalog;
  readonly role: Role;
  readonly newCompetences: readonly Competence[];
}

/** The role's competences as the Roles tab groups them (new competences under the document's title). */
export function ParsedCompetences({ base, role }: Pick<ParsedProfileProps, "base" | "role">) {
  return <CompetenceGroups sections={groupCompetences(base, role)} />;
}

export function ParsedProfile({ role, newCompetences }: Omit<ParsedProfileProps, "base">) {
  const styles = useStyles();
  const counts = competenceCounts(role);
  return (
    <section aria-label="The role as read">
      <Text as="h3" size={400} weight="semibold" block>
        {role.title}
      </Text>
      <dl className={styles.facts}>
        <dt className={styles.term}>Named role</dt>
        <dd className={styles.value}>{role.namedRole ?? role.title}</dd>
        <dt className={styles.term}>Service</dt>
        <dd className={styles.value}>{SERVICE_LABELS[role.service]}</dd>
        <dt className={styles.term}>Area of work</dt>
        <dd className={styles.value}>{role.areaOfWork}</dd>
        <dt className={styles.term}>Level</dt>
        <dd className={styles.value}>{`Career framework level ${role.careerFrameworkLevel}`}</dd>
        <dt className={styles.term}>Competences</dt>
        <dd className={styles.value}>{competenceCountText(counts)}</dd>
        <dt className={styles.term}>Learning</dt>
        <dd className={styles.value}>{`${role.learning.formal.length} formal · ${role.learning.informal.length} informal`}</dd>
      </dl>
      {newCompetences.length > 0 ? (
        <>
          <Text as="p" block>
            Not in the built-in catalog (added as new competences):
          </Text>
          <ul className={styles.list} aria-label="New competences">
            {newCompetences.map((c) => (
              <li key={c.id}>{c.title}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
