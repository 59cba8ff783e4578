/** A button that writes one sheet plan, with its progress and outcome below it. */
import { Button } from "@fluentui/react-components";
import type { WorkbookAdapter } from "../../excel/adapter";
import { type WriteJob, sheetJob } from "./sheetJob";
import { useSheetsWriter } from "./useSheetsWriter";
import { WriteStatus } from "./WriteStatus";

export interface InsertSheetProps {
  readonly workbook: WorkbookAdapter;
  readonly label: string;
  readonly job: WriteJob;
}

export function InsertSheet({ workbook, label, job }: InsertSheetProps) {
  const writer = useSheetsWriter(workbook);
  return (
    <div>
      <Button appearance="primary" disabledFocusable={writer.busy} onClick={() => void writer.run(sheetJob(job))}>
        {label}
      </Button>
      <WriteStatus writer={writer} />
    </div>
  );
}
