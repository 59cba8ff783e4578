/**
 * This workbook's catalog: which roles come from the workbook, which are built-in (and which of those carry the
 * workbook's locality competences), the rows of the Catalog sheet that could not be used, and a way to read the
 * sheet again or make an empty one to type into.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../catalog";
import type { Role } from "../../domain";
import type { RoleSource } from "../../catalog/workbookCatalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { CATALOG_TABLE_NAMES, planCatalogSheet } from "../../workbook/catalog";
import { WriteStatus } from "../writing/WriteStatus";
import { useCatalogWriter } from "./useCatalogWriter";
import type { WorkbookCatalogState } from "./workbookCatalogStore";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** The groups the roles are listed in, in this order. */
export const SOURCE_GROUPS: readonly { readonly source: RoleSource; readonly heading: string }[] = [
  { source: "workbook", heading: "From this workbook" },
  { source: "built-in + locality", heading: "Built-in, with this workbook's locality-specific competences" },
  { source: "built-in", heading: "Built-in" },
];

function RoleLine({ role, source }: { role: Role; source: RoleSource }) {
  const styles = useStyles();
  const locality = role.competences.filter((c) => c.section === "locality").length;
  return (
    <li>
      {role.title}
      <span className={styles.meta}>
        {` · ${role.id} · level ${role.careerFrameworkLevel}`}
        {source !== "built-in" && locality > 0 ? ` · ${locality} locality-specific` : ""}
      </span>
    </li>
  );
}

export interface WorkbookCatalogSectionProps {
  readonly base: Catalog;
  readonly workbook: WorkbookAdapter;
  readonly state: WorkbookCatalogState;
  readonly reload: () => Promise<void>;
}

export function WorkbookCatalogSection({ base, workbook, state, reload }: WorkbookCatalogSectionProps) {
  const styles = useStyles();
  const { view } = state;
  const catalogWriter = useCatalogWriter(workbook, reload);
  const bySource = (source: RoleSource) => view.catalog.roles.filter((r) => (view.sources.get(r.id) ?? "built-in") === source);
  return (
    <section className={styles.section} aria-labelledby="workbook-catalog-heading">
      <Text as="h2" id="workbook-catalog-heading" size={400} weight="semibold">
        This workbook's catalog
      </Text>
      <div aria-live="polite">
        {state.phase === "reading" ? (
          <Spinner size="tiny" labelPosition="after" label="Reading the Catalog sheet…" />
        ) : state.phase === "failed" ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The Catalog sheet could not be read</MessageBarTitle>
              {`${state.error} The roles shown are as last read.`}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <Text as="p">
            {view.sheet
              ? `Read from the sheet “${view.sheet}”. Its roles win over the built-in ones; a colleague who opens this workbook sees them too.`
              : "This workbook has no Catalog sheet yet: adding a role makes one."}
          </Text>
        )}
      </div>
      <div className={styles.actions}>
        <Button disabledFocusable={state.phase === "reading"} onClick={() => void reload()}>
          Read the Catalog sheet again
        </Button>
        {view.sheet === null && state.phase === "read" ? (
          <Button onClick={() => catalogWriter.write(null, () => planCatalogSheet(workbook, base))}>Make an empty Catalog sheet</Button>
        ) : null}
      </div>
      <WriteStatus writer={catalogWriter.writer} />
      {view.problems.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`${view.problems.length} row${view.problems.length === 1 ? "" : "s"} of the Catalog sheet to fix`}</MessageBarTitle>
            <ul className={styles.list} aria-label="Catalog sheet problems">
              {view.problems.map((p, i) => (
                <li key={i}>{`${CATALOG_TABLE_NAMES[p.table]}${p.row > 0 ? ` row ${p.row}` : ""}: ${p.message}`}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {SOURCE_GROUPS.map(({ source, heading }) => {
        const roles = bySource(source);
        if (roles.length === 0) return null;
        const id = `catalog-roles-${source.replace(/\W+/g, "-")}`;
        return (
          <div key={source}>
            <Text as="h3" id={id} size={300} weight="semibold" block>
              {`${heading} (${roles.length})`}
            </Text>
            <ul className={styles.list} aria-labelledby={id}>
              {roles.map((r) => (
                <RoleLine key={r.id} role={r} source={source} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
