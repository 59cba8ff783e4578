/**
 * Writing the Catalog sheet from the task pane: the shared sheet writer (progress, conflicts, errors), plus what the
 * addition did to the rows, and a fresh read of the sheet once it is written, so every tab shows the new roles.
 */
import { useEffect, useState } from "react";
import type { RowsMerge } from "../../catalog/workbookCatalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { CATALOG_SHEET } from "../../sheets/catalogSheet";
import type { CatalogAdditionPlan } from "../../workbook/catalog";
import { sheetJob } from "../writing/sheetJob";
import { type SheetsWriter, useSheetsWriter } from "../writing/useSheetsWriter";

export interface CatalogWriter {
  readonly writer: SheetsWriter;
  /** What the last written addition did to the rows; null until one is written. */
  readonly merge: RowsMerge | null;
  /** `sheet`: where the Catalog sheet is now (for messages), or null when there is none yet. */
  write(sheet: string | null, plan: () => Promise<CatalogAdditionPlan>): void;
}

export function useCatalogWriter(workbook: WorkbookAdapter, onWritten: () => unknown): CatalogWriter {
  const writer = useSheetsWriter(workbook);
  const [planned, setPlanned] = useState<RowsMerge | null>(null);
  const phase = writer.state.phase;
  useEffect(() => {
    if (phase === "written") void onWritten();
    // Only the change of phase matters; onWritten may be a new function on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase]);
  return {
    writer,
    merge: phase === "written" ? planned : null,
    write: (sheet, plan) =>
      void writer.run(
        sheetJob({
        what: "workbook catalog",
        sheet: sheet ?? CATALOG_SHEET,
        // The plan reads the sheet first, so a retry (to a new sheet after a conflict) reads it again.
        makePlan: async () => {
          const built = await plan();
          setPlanned(built.merge);
          return built.plan;
        },
        }),
      ),
  };
}
