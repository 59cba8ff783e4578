/**
 * An NHS national job profile document as read: each profile's JE score and band range computed from its levels,
 * beside the range the document states (a mismatch is flagged), and every line the reader could not use — what
 * `wfp import` prints for the same document.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ParsedNationalProfile } from "../../domain/import/nationalProfileText";
import type { ImportProblem } from "../../domain/import/roleProfileTypes";
import { ProfileProblems } from "./ParsedProfile";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  mismatch: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const range = (min: number, max: number): string => (min === max ? String(min) : `${min}–${max}`);

export function ParsedNationalProfiles({ profiles, problems }: { profiles: readonly ParsedNationalProfile[]; problems: readonly ImportProblem[] }) {
  const styles = useStyles();
  return (
    <section aria-label="National job profiles as read">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{`A national job profile document: ${profiles.length} profile${profiles.length === 1 ? "" : "s"}`}</MessageBarTitle>
          Each is scored from its factor levels; the Roles tab and the JE calculator’s “Start from a national profile” use the
          catalog’s national profiles.
        </MessageBarBody>
      </MessageBar>
      <ol className={styles.list} aria-label="Profiles">
        {profiles.map(({ profile, evaluation }) => (
          <li key={profile.id}>
            <Text weight="semibold">{profile.title}</Text>
            <Text block size={200}>
              {`Document: ${range(profile.documentScore.min, profile.documentScore.max)}, band ${profile.documentBand}. `}
              {evaluation
                ? `Levels give ${range(evaluation.min, evaluation.max)}, band ${evaluation.bandMin === evaluation.bandMax ? evaluation.bandMin : `${evaluation.bandMin}–${evaluation.bandMax}`}.`
                : "Could not be scored: see the problems below."}
            </Text>
            {evaluation && !evaluation.matchesDocument ? (
              <Text block size={200} className={styles.mismatch}>
                The levels do not give the document’s range.
              </Text>
            ) : null}
          </li>
        ))}
      </ol>
      <ProfileProblems problems={problems} />
    </section>
  );
}
