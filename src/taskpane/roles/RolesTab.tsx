/**
 * The Roles tab: filters, the roles that pass them, the NHS national job profiles that match the search (their own
 * group, with their JE levels and range), and the chosen one's details. The roles are the workbook's catalog:
 * built-in roles with the Catalog sheet's entries winning, each marked with where it comes from.
 */
import { Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Catalog } from "../../catalog";
import { evaluateProfile } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { useWorkbookCatalog } from "../catalog/useWorkbookCatalog";
import { lazyPart } from "../app/lazyPart";
import { whenIdle } from "../app/lazyTabs";
import { findNationalProfiles } from "./nationalProfileSearch";
import { RoleFilters } from "./RoleFilters";
import { RoleList } from "./RoleList";
import { NO_FILTER, type RoleFilter, findRoles } from "./roleSearch";

// The details (and the profile sheet they insert) load on demand, ahead of the first click when the pane is idle.
const RoleDetails = lazyPart(
  () => import(/* webpackChunkName: "role-details" */ "./RoleDetails").then((m) => m.RoleDetails),
  "Loading the role…",
);

// A national profile's details too, in the same chunk.
const NationalProfileDetails = lazyPart(
  () => import(/* webpackChunkName: "role-details" */ "./NationalProfileDetails").then((m) => m.NationalProfileDetails),
  "Loading the profile…",
);

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  label: { display: "flex", flexDirection: "column" },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** Profiles and roles share one choice; a profile's is its id under this prefix. */
const PROFILE = "profile:";

export interface RolesTabProps {
  readonly catalog: Catalog;
  readonly workbook: WorkbookAdapter;
}

export function RolesTab({ catalog: builtIn, workbook }: RolesTabProps) {
  const styles = useStyles();
  const { catalog, sources } = useWorkbookCatalog(workbook, builtIn).state.view;
  const [filter, setFilter] = useState<RoleFilter>(NO_FILTER);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const matches = useMemo(() => findRoles(catalog, filter), [catalog, filter]);
  const profiles = useMemo(() => findNationalProfiles(catalog, filter), [catalog, filter]);
  useEffect(() => whenIdle(() => void RoleDetails.preload().catch(() => undefined)), []);
  // A role or profile filtered out of the list is no longer shown as chosen.
  const selected = matches.find((m) => m.role.id === selectedId)?.role ?? null;
  const selectedProfile = profiles.find((p) => `${PROFILE}${p.id}` === selectedId) ?? null;
  return (
    <div className={styles.tab}>
      <RoleFilters catalog={catalog} filter={filter} onChange={setFilter} />
      <Text as="h2" id="roles-list-heading" size={300} weight="semibold" aria-live="polite">
        {`Roles (${matches.length} of ${catalog.roles.length})`}
      </Text>
      <RoleList matches={matches} sources={sources} selectedId={selected?.id ?? null} onSelect={setSelectedId} labelledBy="roles-list-heading" />
      {catalog.nationalProfiles.length > 0 ? (
        <>
          <Text as="h2" id="profiles-list-heading" size={300} weight="semibold" aria-live="polite">
            {`National job profiles (${profiles.length} of ${catalog.nationalProfiles.length})`}
          </Text>
          {profiles.length > 0 ? (
            <RadioGroup
              className={styles.group}
              aria-labelledby="profiles-list-heading"
              value={selectedProfile ? `${PROFILE}${selectedProfile.id}` : ""}
              onChange={(_, data) => setSelectedId(data.value)}
            >
              {profiles.map((p) => {
                const e = evaluateProfile(catalog.jeScheme, p);
                return (
                  <Radio
                    key={p.id}
                    value={`${PROFILE}${p.id}`}
                    label={
                      <span className={styles.label}>
                        <span className={styles.title}>{p.title}</span>
                        <Text size={200} className={styles.meta}>
                          {`National profile · JE ${e.min}–${e.max} · band ${e.bandMin === e.bandMax ? e.bandMin : `${e.bandMin}–${e.bandMax}`}`}
                        </Text>
                      </span>
                    }
                  />
                );
              })}
            </RadioGroup>
          ) : (
            <Text as="p" className={styles.meta}>
              {filter.service !== "all" || filter.level !== "all"
                ? "National profiles have no service or career framework level: clear those filters to see them."
                : "No national profiles match this search."}
            </Text>
          )}
        </>
      ) : null}
      {selected ? (
        <RoleDetails catalog={catalog} role={selected} workbook={workbook} />
      ) : selectedProfile ? (
        <NationalProfileDetails catalog={catalog} profile={selectedProfile} />
      ) : (
        <Text as="p">Choose a role to see its competences and insert its profile into the workbook, or a national profile to see its JE levels.</Text>
      )}
    </div>
  );
}
