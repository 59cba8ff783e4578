/**
 * "Check this Excel": runs the self-check (src/workbook/selfCheck.ts) on the open workbook and shows each check as
 * passed, failed or needing Excel, with its details and the whole report to copy.
 */
import { Badge, Button, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { type CheckStatus, type SelfCheckReport, runSelfCheck, selfCheckText } from "../../workbook/selfCheck";
import { useWriteLock } from "../writing/writeLock";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  check: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

const BADGE: Record<CheckStatus, { color: "success" | "danger" | "informative"; label: string }> = {
  passed: { color: "success", label: "Passed" },
  failed: { color: "danger", label: "Failed" },
  "needs Excel": { color: "informative", label: "Needs Excel" },
};

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly step: string }
  | { readonly kind: "done"; readonly report: SelfCheckReport }
  | { readonly kind: "error"; readonly message: string };

export function SelfCheckSection({ catalog, workbook }: { catalog: Catalog; workbook: WorkbookAdapter }) {
  const styles = useStyles();
  const lock = useWriteLock();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [copied, setCopied] = useState<string | null>(null);

  const run = async () => {
    if (!lock.acquire()) return;
    setCopied(null);
    setState({ kind: "running", step: "Starting" });
    try {
      const report = await runSelfCheck(workbook, catalog, { onStep: (step) => setState({ kind: "running", step }) });
      setState({ kind: "done", report });
    } catch (error) {
      setState({ kind: "error", message: (error as Error).message });
    } finally {
      lock.release();
    }
  };

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("The clipboard is not available here: select the text below and copy it.");
    }
  };

  const report = state.kind === "done" ? state.report : null;
  const failed = report?.checks.filter((c) => c.status === "failed").length ?? 0;
  const needsExcel = report?.checks.filter((c) => c.status === "needs Excel").length ?? 0;
  return (
    <section className={styles.section} aria-labelledby="self-check-heading">
      <Text as="h2" weight="semibold" id="self-check-heading">
        Check this Excel
      </Text>
      <Text as="p">
        Writes each kind of sheet the add-in makes into scratch sheets of this workbook, lets Excel calculate them, and
        compares what Excel computed with the add-in's own figures: post costs, plan totals, coverage, JE bands and a
        WFP function in a cell. The scratch sheets are removed at the end; your sheets are not touched.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run()} disabled={lock.busy}>
          Check this Excel
        </Button>
        {state.kind === "running" && <Spinner size="tiny" label={state.step} />}
      </div>
      {state.kind === "error" && (
        <Text role="alert">The check could not run: {state.message}</Text>
      )}
      {report && (
        <>
          <Text role="status" weight="semibold">
            {failed > 0
              ? `${failed} check${failed === 1 ? "" : "s"} failed.`
              : needsExcel > 0
                ? `Every check that can run here passed; ${needsExcel} need Excel to calculate.`
                : "Every check passed."}
          </Text>
          {!report.calculated && (
            <Text as="p">
              This is the demo workbook: it holds formulas without calculating them, so the checks of computed values
              need Excel. Open the add-in in Excel and run the check there.
            </Text>
          )}
          <ul className={styles.list} aria-label="Checks">
            {report.checks.map((c) => (
              <li key={c.title} className={styles.check}>
                <span className={styles.title}>
                  <Badge appearance="filled" color={BADGE[c.status].color}>
                    {BADGE[c.status].label}
                  </Badge>
                  <Text weight="semibold">{c.title}</Text>
                </span>
                <ul className={styles.details}>
                  {c.details.map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button onClick={() => void copy(selfCheckText(report))}>Copy details</Button>
            {copied && <Text role="status">{copied}</Text>}
          </div>
          <Textarea aria-label="Check details to copy" readOnly value={selfCheckText(report)} resize="vertical" />
        </>
      )}
    </section>
  );
}
