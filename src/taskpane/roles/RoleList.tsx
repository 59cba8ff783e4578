/**
 * The roles that pass the filters, as a radio group: Tab reaches the group, arrow keys move between roles, and
 * the chosen role's details show below. Under each role: its service and level, and the competences a search
 * matched.
 */
import { Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { SERVICE_SHORT_LABELS } from "../../domain";
import type { RoleSource } from "../../catalog/workbookCatalog";
import { type RoleMatch, competenceCounts } from "./roleSearch";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  label: { display: "flex", flexDirection: "column" },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  match: { color: tokens.colorNeutralForeground2 },
  source: { color: tokens.colorBrandForeground1 },
  empty: { color: tokens.colorNeutralForeground3, padding: `${tokens.spacingVerticalS} 0` },
});

const SHOWN_MATCHES = 2;
/** Said of a role that is not simply built-in; a built-in role needs no note. */
const SOURCE_NOTES: Readonly<Record<RoleSource, string | null>> = {
  "built-in": null,
  workbook: "From this workbook's Catalog sheet",
  "built-in + locality": "Built-in, with this workbook's locality-specific competences",
};

export interface RoleListProps {
  readonly matches: readonly RoleMatch[];
  /** Where each role comes from; a role not in it is built-in. */
  readonly sources?: ReadonlyMap<string, RoleSource>;
  readonly selectedId: string | null;
  readonly onSelect: (roleId: string) => void;
  /** The id of the element labelling the list. */
  readonly labelledBy: string;
}

function matchText(match: RoleMatch): string | null {
  const found = match.competenceMatches;
  if (found.length === 0) return null;
  const shown = found.slice(0, SHOWN_MATCHES).join("; ");
  const more = found.length > SHOWN_MATCHES ? ` and ${found.length - SHOWN_MATCHES} more` : "";
  return `Competence match: ${shown}${more}`;
}

export function RoleList({ matches, sources, selectedId, onSelect, labelledBy }: RoleListProps) {
  const styles = useStyles();
  if (matches.length === 0) {
    return (
      <Text as="p" className={styles.empty}>
        No roles match these filters.
      </Text>
    );
  }
  const value = matches.some((m) => m.role.id === selectedId) ? selectedId! : "";
  return (
    <RadioGroup className={styles.group} aria-labelledby={labelledBy} value={value} onChange={(_, data) => onSelect(data.value)}>
      {matches.map((m) => {
        const matched = matchText(m);
        const source = SOURCE_NOTES[sources?.get(m.role.id) ?? "built-in"];
        return (
          <Radio
            key={m.role.id}
            value={m.role.id}
            label={
              <span className={styles.label}>
                <span className={styles.title}>{m.role.title}</span>
                <Text size={200} className={styles.meta}>
                  {`${SERVICE_SHORT_LABELS[m.role.service]} · Level ${m.role.careerFrameworkLevel} · ${competenceCounts(m.role).total} competences`}
                </Text>
                {source ? (
                  <Text size={200} className={styles.source}>
                    {source}
                  </Text>
                ) : null}
                {matched ? (
                  <Text size={200} className={styles.match}>
                    {matched}
                  </Text>
                ) : null}
              </span>
            }
          />
        );
      })}
    </RadioGroup>
  );
}
