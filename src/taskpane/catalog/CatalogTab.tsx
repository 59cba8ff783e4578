/**
 * The Catalog tab: bring roles into this workbook's own catalog (the Catalog sheet), see which roles come from the
 * workbook and which are built-in, and move the workbook catalog in and out as JSON.
 */
import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { CatalogJsonSection } from "./CatalogJsonSection";
import type { PdfReader } from "./fileText";
import { ImportProfileSection } from "./ImportProfileSection";
import { useWorkbookCatalog } from "./useWorkbookCatalog";
import { WorkbookCatalogSection } from "./WorkbookCatalogSection";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

export interface CatalogTabProps {
  /** The built-in catalog; the workbook's entries are read on top of it. */
  readonly catalog: Catalog;
  readonly workbook: WorkbookAdapter;
  /** How a PDF becomes text; pdf.js in the page by default. */
  readonly readPdf?: PdfReader;
}

export function CatalogTab({ catalog, workbook, readPdf }: CatalogTabProps) {
  const styles = useStyles();
  const { state, reload } = useWorkbookCatalog(workbook, catalog);
  return (
    <div className={styles.tab}>
      <ImportProfileSection base={catalog} workbook={workbook} view={state.view} onWritten={reload} {...(readPdf ? { readPdf } : {})} />
      <Divider />
      <WorkbookCatalogSection base={catalog} workbook={workbook} state={state} reload={reload} />
      <Divider />
      <CatalogJsonSection base={catalog} workbook={workbook} view={state.view} onWritten={reload} />
    </div>
  );
}
