/** The Roles tab's filters: service, Career Framework level, and a search over role and competence titles. */
import { Field, SearchBox, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../catalog";
import { type CareerLevel, isCareerLevel } from "../../domain";
import { type RoleFilter, SERVICE_CHOICES } from "./roleSearch";

const useStyles = makeStyles({
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // minmax(0, …): a long option ("Level 6: Senior / specialist practitioner") must not widen the pane.
  // Bottom-aligned: when one label wraps, the two selects still line up.
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS, alignItems: "end" },
  field: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  select: { minWidth: 0, maxWidth: "100%" },
});

export interface RoleFiltersProps {
  readonly catalog: Catalog;
  readonly filter: RoleFilter;
  readonly onChange: (filter: RoleFilter) => void;
}

export function RoleFilters({ catalog, filter, onChange }: RoleFiltersProps) {
  const styles = useStyles();
  return (
    <div className={styles.filters} role="search" aria-label="Find roles">
      <Field label="Search role or competence">
        <SearchBox
          value={filter.query}
          placeholder="e.g. Peer Support, safeguarding"
          onChange={(_, data) => onChange({ ...filter, query: data.value })}
        />
      </Field>
      <div className={styles.row}>
        <Field label="Service" className={styles.field}>
          <Select
            className={styles.select}
            value={filter.service}
            onChange={(_, data) => onChange({ ...filter, service: data.value as RoleFilter["service"] })}
          >
            {SERVICE_CHOICES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Career framework level" className={styles.field}>
          <Select
            className={styles.select}
            value={String(filter.level)}
            onChange={(_, data) => {
              const n = Number(data.value);
              onChange({ ...filter, level: isCareerLevel(n) ? (n as CareerLevel) : "all" });
            }}
          >
            <option value="all">All levels</option>
            {catalog.careerLevels.map((l) => (
              <option key={l.level} value={String(l.level)}>
                {`Level ${l.level}: ${l.title}`}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </div>
  );
}
