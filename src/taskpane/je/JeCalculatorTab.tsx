/**
 * The JE calculator: a post name and sixteen factor levels give a live JE score and band; "Add to JE log" reads
 * the workbook's JE log table, appends the evaluation and writes the log sheet back.
 */
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { JE_LOG_TABLE, jeLogSheet } from "../../sheets/jeLog";
import { sheetJob } from "../writing/sheetJob";
import { useSheetsWriter } from "../writing/useSheetsWriter";
import { WriteStatus } from "../writing/WriteStatus";
import { FactorPicker } from "./FactorPicker";
import { emptyLevels, existingLogRows, summarizeJe, todayIso } from "./jeCalculation";
import { JeScoreSummary } from "./JeScoreSummary";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  factors: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS, padding: 0 },
});

export interface JeCalculatorTabProps {
  readonly catalog: Catalog;
  readonly workbook: WorkbookAdapter;
  /** Today's date for log entries; the clock by default. */
  readonly today?: () => string;
}

export function JeCalculatorTab({ catalog, workbook, today = todayIso }: JeCalculatorTabProps) {
  const styles = useStyles();
  const scheme = catalog.jeScheme;
  const [post, setPost] = useState("");
  const [levels, setLevels] = useState<(number | null)[]>(() => emptyLevels(scheme));
  const [tried, setTried] = useState(false);
  const summary = useMemo(() => summarizeJe(scheme, levels), [scheme, levels]);
  const writer = useSheetsWriter(workbook);
  const postInput = useRef<HTMLInputElement>(null);
  const factorSelects = useRef<(HTMLSelectElement | null)[]>([]);
  const postMissing = tried && post.trim() === "";
  const missing = new Set(tried && summary.kind === "incomplete" ? summary.missing : []);

  const setLevel = (index: number, level: number | null): void =>
    setLevels((current) => current.map((l, i) => (i === index ? level : l)));

  const addToLog = (): void => {
    setTried(true);
    // Nothing to log yet: take the user to the first thing still to fill in; its message says what is wanted.
    if (post.trim() === "") {
      postInput.current?.focus();
      return;
    }
    if (summary.kind === "incomplete") {
      factorSelects.current[summary.missing[0]! - 1]?.focus();
      return;
    }
    const entry = { date: today(), post: post.trim(), levels: levels.map(String) };
    void writer.run(
      sheetJob({
      what: "JE log",
      sheet: "JE log",
      makePlan: async () => jeLogSheet(catalog, existingLogRows(catalog, await workbook.readTable(JE_LOG_TABLE)), entry),
      }),
    );
  };

  return (
    <div className={styles.tab}>
      <JeScoreSummary summary={summary} />
      <Field
        label="Post name"
        required
        validationState={postMissing ? "error" : "none"}
        validationMessage={postMissing ? "Give the post a name for the log" : undefined}
      >
        <Input ref={postInput} value={post} onChange={(_, data) => setPost(data.value)} placeholder="e.g. Liaison and Diversion Practitioner" />
      </Field>
      <fieldset className={styles.factors}>
        <legend className={styles.legend}>JE factor levels</legend>
        {scheme.factors.map((f, i) => (
          <FactorPicker
            key={f.number}
            factor={f}
            level={levels[i] ?? null}
            missing={missing.has(f.number)}
            selectRef={(el) => {
              factorSelects.current[i] = el;
            }}
            onChange={(level) => setLevel(i, level)}
          />
        ))}
      </fieldset>
      <div>
        <Button appearance="primary" disabledFocusable={writer.busy} onClick={addToLog}>
          Add to JE log
        </Button>
        <WriteStatus writer={writer} />
      </div>
    </div>
  );
}
