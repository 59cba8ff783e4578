/**
 * The two thresholds of the register: holders wanted (k: fewer Competent holders flags a competence; one is a
 * single point of failure) and the small-number suppression of shared views. buildSkillMix takes neither: they are
 * cells on the Team skills sheet (named Skills_K and Skills_Suppress) that the formulas read and a rebuild keeps.
 * So the tab explains where to change them, and shows the values the workbook holds now.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { DEFAULT_MIN_HOLDERS, DEFAULT_SUPPRESSION_THRESHOLD } from "../../domain";
import type { CellValue, WorkbookAdapter } from "../../excel/adapter";
import { SKILL_MIX_NAMES, SKILL_MIX_TABLES } from "../../sheets/skillMix";

const useStyles = makeStyles({
  note: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Current = { readonly k: CellValue; readonly suppress: CellValue } | "none" | "unknown";

/** The settings the register's table holds now, re-read whenever `version` changes (after each build). */
function useCurrentSettings(workbook: WorkbookAdapter, version: number): Current {
  const [current, setCurrent] = useState<Current>("unknown");
  useEffect(() => {
    let live = true;
    workbook.readTable(SKILL_MIX_TABLES.settings).then(
      (table) => {
        if (!live) return;
        const values = table?.rows.map((r) => r[1] ?? null) ?? [];
        setCurrent(values.length === 2 ? { k: values[0]!, suppress: values[1]! } : "none");
      },
      () => live && setCurrent("unknown"),
    );
    return () => {
      live = false;
    };
  }, [workbook, version]);
  return current;
}

const shown = (v: CellValue): string => (v === null || v === "" ? "blank" : String(v));

export function ThresholdsNote({ workbook, version }: { workbook: WorkbookAdapter; version: number }) {
  const styles = useStyles();
  const current = useCurrentSettings(workbook, version);
  return (
    <section className={styles.note} aria-labelledby="skill-mix-thresholds">
      <Text as="h3" id="skill-mix-thresholds" size={300} weight="semibold" className={styles.heading}>
        Single points of failure and small numbers
      </Text>
      <Text>
        Two cells in the Settings table on the Team skills sheet decide these, not this pane: change them there and the
        register, summary and training needs follow; rebuilding keeps what you set.
      </Text>
      <ul className={styles.list}>
        <li>
          <Text>
            <strong>Holders wanted</strong> (named <code>{SKILL_MIX_NAMES.minHolders}</code>, default {DEFAULT_MIN_HOLDERS}):
            a competence the team needs that fewer Competent people hold is flagged; one holder is a single point of
            failure.
          </Text>
        </li>
        <li>
          <Text>
            <strong>Hide counts below</strong> (named <code>{SKILL_MIX_NAMES.suppression}</code>, default{" "}
            {DEFAULT_SUPPRESSION_THRESHOLD}): views shared outside the team show smaller counts as “&lt;
            {DEFAULT_SUPPRESSION_THRESHOLD}”; 0 shows every count.
          </Text>
        </li>
      </ul>
      <Text size={200} aria-live="polite">
        {current === "unknown"
          ? ""
          : current === "none"
            ? "No register in this workbook yet: the defaults apply when it is built."
            : `In this workbook now: holders wanted ${shown(current.k)}, hide counts below ${shown(current.suppress)}.`}
      </Text>
    </section>
  );
}
