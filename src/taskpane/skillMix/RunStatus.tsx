/**
 * Where a skill-mix run stands, in one aria-live region: a progress bar naming the sheet being written (n of N),
 * then the outcome (what the run did, each sheet), what needs review, or the conflict with "Write to a new sheet"
 * and "Cancel". When the conflict's buttons go, focus moves to the region rather than being dropped on the page.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useEffect, useRef } from "react";
import type { Message } from "../writing/describeWrite";
import { newSheetResolves, type ConflictResult } from "../writing/describeWrite";
import { describeRunCancelled, describeRunConflict, describeRunError, sheetLines, sheetOf } from "./describeSkillMix";
import type { RunState, SkillMixRunner } from "./useSkillMixRun";

const useStyles = makeStyles({
  region: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  line: { display: "block", marginTop: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
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

function Bar({ intent, message, actions }: { intent: "success" | "warning" | "info" | "error"; message: Message; actions?: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <Lines message={message} />
      </MessageBarBody>
      {actions ? <MessageBarActions>{actions}</MessageBarActions> : null}
    </MessageBar>
  );
}

/** The running run's label and how far it is, all sheets together (0 to 1). */
export function progressOf(state: Extract<RunState, { phase: "running" }>): { label: string; value: number | undefined } {
  if (state.key === null) return { label: "Reading the workbook…", value: undefined };
  const of = state.count > 1 ? ` (sheet ${state.index} of ${state.count})` : "";
  const within = state.total > 0 ? state.done / state.total : 0;
  return { label: `Writing “${sheetOf(state.key).name}”${of}…`, value: (state.index - 1 + within) / Math.max(1, state.count) };
}

export function RunStatus({ runner }: { runner: SkillMixRunner }) {
  const styles = useStyles();
  const region = useRef<HTMLDivElement>(null);
  const { state } = runner;
  const previous = useRef(state.phase);
  useEffect(() => {
    if (previous.current === "conflict" && state.phase !== "conflict") region.current?.focus();
    previous.current = state.phase;
  }, [state.phase]);

  let content: ReactNode = null;
  switch (state.phase) {
    case "idle":
      break;
    case "running": {
      const { label, value } = progressOf(state);
      content = (
        <Field label={label} hint={state.total > 0 ? `${state.done} of ${state.total} writes to Excel` : undefined}>
          <ProgressBar value={value} thickness="large" />
        </Field>
      );
      break;
    }
    case "done": {
      const { report } = state;
      content = (
        <>
          <Bar intent="success" message={{ title: state.run.title, lines: [...(report.lines ?? []), ...sheetLines(report.results)] }} />
          {report.review && report.review.length > 0 ? <Bar intent="warning" message={{ title: "Needs review", lines: report.review }} /> : null}
        </>
      );
      break;
    }
    case "conflict": {
      const conflict = state.report.results.at(-1)!;
      const written = state.report.results.slice(0, -1);
      content = (
        <>
          {state.report.lines && state.report.lines.length > 0 && written.length > 0 ? (
            <Bar intent="info" message={{ title: "Done before the conflict", lines: state.report.lines }} />
          ) : null}
          <Bar
            intent="warning"
            message={describeRunConflict(written, conflict, state.count)}
            actions={
              <>
                {newSheetResolves(conflict.result as ConflictResult) ? (
                  <Button appearance="primary" onClick={() => void runner.writeToNewSheet()}>
                    Write to a new sheet
                  </Button>
                ) : null}
                <Button onClick={runner.cancel}>Cancel</Button>
              </>
            }
          />
        </>
      );
      break;
    }
    case "cancelled": {
      const written = state.report.results.slice(0, -1);
      const message = describeRunCancelled(written);
      const lines = written.length > 0 ? [...(state.report.lines ?? []), ...message.lines] : message.lines;
      content = <Bar intent="info" message={{ ...message, lines }} />;
      break;
    }
    case "error":
      content = <Bar intent="error" message={describeRunError(state.written, state.key, state.error)} />;
      break;
  }

  return (
    <div ref={region} tabIndex={-1} aria-live="polite" className={styles.region}>
      {content}
    </div>
  );
}
