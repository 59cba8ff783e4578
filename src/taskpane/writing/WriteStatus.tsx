/**
 * Where a write stands, in one aria-live region, so a screen reader hears the outcome without moving focus: its
 * progress (a spinner, or a bar naming the sheet n of N), then the outcome, what needs the user's eye, or the
 * conflict with "Write to a new sheet" and "Cancel". The words come from the job. When the conflict's buttons go
 * away, focus moves to the region rather than being dropped on the page.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useEffect, useRef } from "react";
import { type ConflictResult, type Message, newSheetResolves } from "./describeWrite";
import type { SheetsWriter, WritingState } from "./useSheetsWriter";

const useStyles = makeStyles({
  region: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Sheet and table names can be long words: let them wrap rather than widen the pane.
  line: { display: "block", marginTop: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
});

function Bar({ intent, message, actions }: { intent: "success" | "warning" | "info" | "error"; message: Message; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.lines.map((line, i) => (
          <span key={i} className={styles.line}>
            {line}
          </span>
        ))}
      </MessageBarBody>
      {actions ? <MessageBarActions>{actions}</MessageBarActions> : null}
    </MessageBar>
  );
}

function Progress({ state }: { state: WritingState }) {
  const { words } = state.job;
  const { label, value } = words.progress(state);
  if (!words.progressBar) return <Spinner size="tiny" labelPosition="after" label={label} />;
  return (
    <Field label={label} hint={state.total > 0 ? `${state.done} of ${state.total} writes to Excel` : undefined}>
      <ProgressBar value={value} thickness="large" />
    </Field>
  );
}

export function WriteStatus({ writer }: { writer: SheetsWriter }) {
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
    case "writing":
      content = <Progress state={state} />;
      break;
    case "written": {
      const { report } = state;
      content = report.nothingToDo ? (
        <Bar intent="info" message={{ title: "Nothing written", lines: [report.nothingToDo] }} />
      ) : (
        <>
          <Bar intent="success" message={state.job.words.written(state)} />
          {report.warnings && report.warnings.lines.length > 0 ? <Bar intent="warning" message={report.warnings} /> : null}
        </>
      );
      break;
    }
    case "conflict": {
      const { lines } = state.report;
      content = (
        <>
          {lines && lines.length > 0 && state.written.length > 0 ? (
            <Bar intent="info" message={{ title: "Done before the conflict", lines }} />
          ) : null}
          <Bar
            intent="warning"
            message={state.job.words.conflict(state)}
            actions={
              <>
                {newSheetResolves(state.conflict.result as ConflictResult) ? (
                  <Button appearance="primary" onClick={() => void writer.writeToNewSheet()}>
                    Write to a new sheet
                  </Button>
                ) : null}
                <Button onClick={writer.cancel}>Cancel</Button>
              </>
            }
          />
        </>
      );
      break;
    }
    case "cancelled":
      content = <Bar intent="info" message={state.job.words.cancelled(state)} />;
      break;
    case "error":
      content = <Bar intent="error" message={state.job.words.error(state)} />;
      break;
  }

  return (
    <div ref={region} tabIndex={-1} aria-live="polite" className={styles.region}>
      {content}
    </div>
  );
}
