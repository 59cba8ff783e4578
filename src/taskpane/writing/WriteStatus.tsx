/**
 * Shows where a write stands: a spinner while writing, then what happened. Everything is inside one aria-live
 * region, so a screen reader hears the outcome without moving focus. When the conflict's buttons go away, focus
 * moves to the region rather than being dropped on the page.
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
import { type Message, describeConflicts, describeError, describeWritten, newSheetResolves } from "./describeWrite";
import type { SheetWriter } from "./useSheetWriter";

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

function MessageLines({ message }: { message: Message }) {
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

export function WriteStatus({ writer }: { writer: SheetWriter }) {
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
      const progress = state.total > 0 ? ` (${state.done} of ${state.total})` : "";
      content = <Spinner size="tiny" labelPosition="after" label={`Writing the ${state.job.what}${progress}…`} />;
      break;
    }
    case "written":
      content = (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageLines message={describeWritten(state.job.what, state.result)} />
          </MessageBarBody>
        </MessageBar>
      );
      break;
    case "conflict": {
      const resolvable = newSheetResolves(state.result);
      content = (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageLines message={describeConflicts(state.job.what, state.result)} />
          </MessageBarBody>
          <MessageBarActions>
            {resolvable ? (
              <Button appearance="primary" onClick={() => void writer.writeToNewSheet()}>
                Write to a new sheet
              </Button>
            ) : null}
            <Button onClick={writer.cancel}>Cancel</Button>
          </MessageBarActions>
        </MessageBar>
      );
      break;
    }
    case "cancelled":
      content = (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Cancelled</MessageBarTitle>
            Nothing was written; your data is as it was.
          </MessageBarBody>
        </MessageBar>
      );
      break;
    case "error":
      content = (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageLines message={describeError(state.job.what, state.job.sheet, state.error)} />
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
