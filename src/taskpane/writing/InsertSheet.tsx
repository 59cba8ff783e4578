/** A button that writes one sheet plan, with its progress and outcome below it. */
import { Button } from "@fluentui/react-components";
import type { WorkbookAdapter } from "../../excel/adapter";
import { type WriteJob, useSheetWriter } from "./useSheetWriter";
import { WriteStatus } from "./WriteStatus";

export interface InsertSheetProps {
  readonly workbook: WorkbookAdapter;
  readonly label: string;
  readonly job: WriteJob;
}

export function InsertSheet({ workbook, label, job }: InsertSheetProps) {
  const writer = useSheetWriter(workbook);
  return (
    <div>
      <Button appearance="primary" disabledFocusable={writer.busy} onClick={() => void writer.write(job)}>
        {label}
      </Button>
      <WriteStatus writer={writer} />
    </div>
  );
}
