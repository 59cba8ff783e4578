/**
 * The JE calculator: a post name and sixteen factor levels — whole levels, ranges or a national profile's level
 * texts — give a live JE score and band (a range when the levels are); "Start from a national profile" fills the
 * sixteen from the catalog. "Add to JE log" reads the workbook's JE log table, appends the evaluation (one row,
 * lowest and highest score and band) and writes the log sheet back.
 */
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { JE_LOG_TABLE, jeLogSheet } from "../../sheets/jeLog";
import { sheetJob } from "../writing/sheetJob";
import { useSheetsWriter } from "../writing/useSheetsWriter";
import { WriteStatus } from "../writing/WriteStatus";
import { FactorLevelField } from "./FactorLevelField";
import { emptyLevels, existingLogRows, profileLevels, readFactor, summarizeJe, todayIso } from "./jeCalculation";
import { JeScoreSummary } from "./JeScoreSummary";
import { nationalProfileLabel } from "./nationalProfileLabel";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  factors: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS, padding: 0 },
  select: { minWidth: 0 },
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
  const [levels, setLevels] = useState<string[]>(() => emptyLevels(scheme));
  const [profileId, setProfileId] = useState("");
  const [tried, setTried] = useState(false);
  const readings = useMemo(() => scheme.factors.map((f, i) => readFactor(scheme, f.number, levels[i] ?? "")), [scheme, levels]);
  const summary = useMemo(() => summarizeJe(scheme, levels), [scheme, levels]);
  const writer = useSheetsWriter(workbook);
  const postInput = useRef<HTMLInputElement>(null);
  const factorInputs = useRef<(HTMLInputElement | null)[]>([]);
  const postMissing = tried && post.trim() === "";

  const setLevel = (index: number, text: string): void => setLevels((current) => current.map((l, i) => (i === index ? text : l)));

  const startFrom = (id: string): void => {
    setProfileId(id);
    const profile = catalog.nationalProfiles.find((p) => p.id === id);
    if (!profile) return;
    setLevels(profileLevels(scheme, profile));
    // The post keeps a name the user gave; a blank one takes the profile's.
    setPost((current) => (current.trim() === "" ? nationalProfileLabel(profile) : current));
  };

  const addToLog = (): void => {
    setTried(true);
    // Nothing to log yet: take the user to the first thing still to fill in; its message says what is wanted.
    if (post.trim() === "") {
      postInput.current?.focus();
      return;
    }
    if (summary.kind !== "scored") {
      const first = summary.kind === "incomplete" ? summary.missing[0]! : summary.factors[0]!;
      factorInputs.current[first - 1]?.focus();
      return;
    }
    const entry = { date: today(), post: post.trim(), levels: levels.map((l) => l.trim()) };
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
      <Field label="Start from a national profile" hint="Fills the 16 factors with the profile's levels, as its document writes them.">
        <Select className={styles.select} value={profileId} onChange={(_, data) => startFrom(data.value)}>
          <option value="">Choose a profile</option>
          {catalog.nationalProfiles.map((p) => (
            <option key={p.id} value={p.id}>
              {nationalProfileLabel(p)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Post name"
        required
        validationState={postMissing ? "error" : "none"}
        validationMessage={postMissing ? "Give the post a name for the log" : undefined}
      >
        <Input ref={postInput} value={post} onChange={(_, data) => setPost(data.value)} placeholder="e.g. Liaison and Diversion Practitioner" />
      </Field>
      <fieldset className={styles.factors}>
        <legend className={styles.legend}>JE factor levels: a level, a range (2-3) or as a profile writes it (4(a))</legend>
        {scheme.factors.map((f, i) => (
          <FactorLevelField
            key={f.number}
            factor={f}
            text={levels[i] ?? ""}
            reading={readings[i]!}
            tried={tried}
            inputRef={(el) => {
              factorInputs.current[i] = el;
            }}
            onChange={(text) => setLevel(i, text)}
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
