/**
 * Where a several-sheet write stands: a spinner naming the sheet being written, then one message with each
 * sheet's outcome, or the conflict with "Write to a new sheet" and "Cancel". All inside one aria-live region;
 * when the conflict's buttons go, focus moves to the region rather than being dropped on the page.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useEffect, useRef } from "react";
import { newSheetResolves, type ConflictResult, type Message } from "../writing/describeWrite";
import {
  describeSheetsCancelled,
  describeSheetsConflict,
  describeSheetsError,
  describeSheetsWritten,
} from "./describeSheets";
import type { SheetsWriter } from "./useSheetsWriter";

const useStyles = makeStyles({
  region: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  line: { display: "block", marginTop: tokens.spacingVerticalXXS },
});

function Lines({ message }: { message: Message }) {
  const styles = useStyles();
  return (
    <>
      <MessageBarTitle>{message.title}</MessageBarTitle>
      {message.lines.map((line, i) => (
        <span key={i} className={styles.line}>
          {line}
        </span>
      ))}
    </>
  );
}

export function SheetsWriteStatus({ writer }: { writer: SheetsWriter }) {
  const styles = useStyles();
  const region = useRef<HTMLDivElement>(null);
  const { state } = writer;
  const previous = useRef(state.phase);
  useEffect(() => {
    if (previous.current === "conflict" && state.phase !== "conflict") region.current?.focus();
    previous.current = state.phase;
  }, [state.phase]);

  let content: ReactNode = null;
  switch (state.phase) {
    case "idle":
      break;
    case "writing": {
      const of = state.job.sheets !== undefined && state.index > 0 ? ` (sheet ${state.index} of ${state.job.sheets})` : "";
      const label = state.sheet === null ? "Reading the workbook…" : `Writing “${state.sheet}”${of}…`;
      content = <Spinner size="tiny" labelPosition="after" label={label} />;
      break;
    }
    case "written": {
      const { report } = state;
      content = report.nothingToDo ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <Lines message={{ title: "Nothing written", lines: [report.nothingToDo] }} />
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <Lines message={describeSheetsWritten(state.job, state.written, report)} />
            </MessageBarBody>
          </MessageBar>
          {report.warnings && report.warnings.lines.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <Lines message={report.warnings} />
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      );
      break;
    }
    case "conflict":
      content = (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <Lines message={describeSheetsConflict(state.job, state.written, state.conflict)} />
          </MessageBarBody>
          <MessageBarActions>
            {newSheetResolves(state.conflict.result as ConflictResult) ? (
              <Button appearance="primary" onClick={() => void writer.writeToNewSheet()}>
                Write to a new sheet
              </Button>
            ) : null}
            <Button onClick={writer.cancel}>Cancel</Button>
          </MessageBarActions>
        </MessageBar>
      );
      break;
    case "cancelled":
      content = (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <Lines message={describeSheetsCancelled(state.job, state.written, state.conflict)} />
          </MessageBarBody>
        </MessageBar>
      );
      break;
    case "error":
      content = (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <Lines message={describeSheetsError(state.written, state.sheet, state.key, state.error)} />
          </MessageBarBody>
        </MessageBar>
      );
      break;
  }

  return (
    <div ref={region} tabIndex={-1} aria-live="polite" className={styles.region}>
      {content}
    </div>
  );
}
