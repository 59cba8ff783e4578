/**
 * The workbook catalog as a JSON file: export it (a download, and the text shown for copying where the host
 * ignores downloads) and import one (checked first; nothing is written until the user adds it).
 */
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Catalog } from "../../catalog";
import { type JsonIssue, type WorkbookCatalog, readCatalogJson, workbookCatalogOf } from "../../catalog/workbookCatalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { type WorkbookCatalogView, exportWorkbookCatalogJson, planCatalogAddition } from "../../workbook/catalog";
import { CatalogWriteOutcome } from "./CatalogWriteOutcome";
import { FileChooser } from "./FileChooser";
import { saveTextFile } from "./saveTextFile";
import { useCatalogWriter } from "./useCatalogWriter";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  json: { fontFamily: tokens.fontFamilyMonospace, minHeight: "8em" },
});

export const EXPORT_FILE_NAME = "workbook-catalog.json";

type Exported = { readonly kind: "none" } | { readonly kind: "done"; readonly text: string; readonly roles: number } | { readonly kind: "failed"; readonly message: string };

type Imported =
  | { readonly kind: "none" }
  | { readonly kind: "invalid"; readonly name: string; readonly issues: readonly JsonIssue[] }
  | { readonly kind: "ready"; readonly name: string; readonly catalog: WorkbookCatalog };

/** "2 roles (1 already in the Catalog sheet), 1 locality-specific competence on built-in roles". */
function describeFile(catalog: WorkbookCatalog, view: WorkbookCatalogView): string {
  const present = catalog.roles.filter((r) => view.entries.roles.some((w) => w.id === r.id)).length;
  const locality = catalog.locality.reduce((n, l) => n + l.competences.length, 0);
  const parts = [
    `${catalog.roles.length} role${catalog.roles.length === 1 ? "" : "s"}${present > 0 ? ` (${present} already in the Catalog sheet)` : ""}`,
    ...(locality > 0 ? [`${locality} locality-specific competence${locality === 1 ? "" : "s"} on built-in roles`] : []),
    ...(catalog.competences.length > 0 ? [`${catalog.competences.length} new competence${catalog.competences.length === 1 ? "" : "s"}`] : []),
  ];
  return parts.join(", ");
}

export interface CatalogJsonSectionProps {
  readonly base: Catalog;
  readonly workbook: WorkbookAdapter;
  readonly view: WorkbookCatalogView;
  readonly onWritten: () => unknown;
}

export function CatalogJsonSection({ base, workbook, view, onWritten }: CatalogJsonSectionProps) {
  const styles = useStyles();
  const [exported, setExported] = useState<Exported>({ kind: "none" });
  const [imported, setImported] = useState<Imported>({ kind: "none" });
  const [replace, setReplace] = useState(false);
  const catalogWriter = useCatalogWriter(workbook, onWritten);

  const exportJson = async (): Promise<void> => {
    try {
      // Read afresh: the file must hold the sheet as it is now, not as last shown.
      const text = await exportWorkbookCatalogJson(workbook, base);
      const roles = (JSON.parse(text) as { roles: unknown[] }).roles.length;
      saveTextFile(EXPORT_FILE_NAME, text);
      setExported({ kind: "done", text, roles });
    } catch (e) {
      setExported({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };

  const chooseFile = async (file: File): Promise<void> => {
    const read = readCatalogJson(await file.text(), base);
    setImported(
      read.ok
        ? { kind: "ready", name: file.name, catalog: workbookCatalogOf(read.json.roles, read.json.competences, base) }
        : { kind: "invalid", name: file.name, issues: read.issues },
    );
  };

  return (
    <section className={styles.section} aria-labelledby="catalog-json-heading">
      <Text as="h2" id="catalog-json-heading" size={400} weight="semibold">
        Catalog as JSON
      </Text>
      <Text as="p">
        Take this workbook's roles and locality-specific competences to another workbook, or to the command line (wfp workbook
        --catalog).
      </Text>
      <div>
        <Button onClick={() => void exportJson()}>Export as JSON</Button>
      </div>
      {exported.kind === "failed" ? (
        <MessageBar intent="error">
          <MessageBarBody>{`The catalog could not be exported: ${exported.message}`}</MessageBarBody>
        </MessageBar>
      ) : null}
      {exported.kind === "done" ? (
        <>
          <Text as="p" aria-live="polite">{`Saved ${EXPORT_FILE_NAME} with ${exported.roles} role${exported.roles === 1 ? "" : "s"}. If no download appeared, copy the text below into a file.`}</Text>
          <Field label="Exported JSON">
            <Textarea className={styles.json} readOnly value={exported.text} resize="vertical" />
          </Field>
        </>
      ) : null}
      <FileChooser label="Import a catalog JSON file" accept=".json,application/json" onFile={(f) => void chooseFile(f)} />
      {imported.kind === "invalid" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`${imported.name} is not a catalog this can read`}</MessageBarTitle>
            <ul className={styles.list} aria-label="Catalog file problems">
              {imported.issues.map((issue, i) => (
                <li key={i}>{`${issue.path}: ${issue.message}`}</li>
              ))}
            </ul>
            Nothing was written.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {imported.kind === "ready" ? (
        <>
          <Text as="p">{`${imported.name}: ${describeFile(imported.catalog, view)}.`}</Text>
          <Checkbox checked={replace} onChange={(_, data) => setReplace(data.checked === true)} label="Replace roles the Catalog sheet already has" />
          <div>
            <Button
              appearance="primary"
              disabledFocusable={catalogWriter.writer.busy}
              onClick={() => catalogWriter.write(view.sheet, () => planCatalogAddition(workbook, base, imported.catalog, { replace }))}
            >
              Add to the Catalog sheet
            </Button>
          </div>
        </>
      ) : null}
      <CatalogWriteOutcome catalogWriter={catalogWriter} />
    </section>
  );
}
