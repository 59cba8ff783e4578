/**
 * The Roles tab: filters, the roles that pass them, and the chosen role's details. The roles are the workbook's
 * catalog: built-in roles with the Catalog sheet's entries winning, each marked with where it comes from.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { useWorkbookCatalog } from "../catalog/useWorkbookCatalog";
import { RoleDetails } from "./RoleDetails";
import { RoleFilters } from "./RoleFilters";
import { RoleList } from "./RoleList";
import { NO_FILTER, type RoleFilter, findRoles } from "./roleSearch";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

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
  // A role filtered out of the list is no longer shown as chosen.
  const selected = matches.find((m) => m.role.id === selectedId)?.role ?? null;
  return (
    <div className={styles.tab}>
      <RoleFilters catalog={catalog} filter={filter} onChange={setFilter} />
      <Text as="h2" id="roles-list-heading" size={300} weight="semibold" aria-live="polite">
        {`Roles (${matches.length} of ${catalog.roles.length})`}
      </Text>
      <RoleList matches={matches} sources={sources} selectedId={selected?.id ?? null} onSelect={setSelectedId} labelledBy="roles-list-heading" />
      {selected ? (
        <RoleDetails catalog={catalog} role={selected} workbook={workbook} />
      ) : (
        <Text as="p">Choose a role to see its competences and insert its profile into the workbook.</Text>
      )}
    </div>
  );
}
