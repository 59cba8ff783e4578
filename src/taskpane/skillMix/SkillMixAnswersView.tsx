/**
 * The skill-mix answers in the pane: the register read back and counted by the domain (readSkillMixAnswers) —
 * team coverage, each person's coverage, the competences nobody holds, the single points of failure, and each
 * person's training needs — each with a link that selects its cell in the register.
 */
import { Button, Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { Catalog } from "../../catalog";
import { isCompetent } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { type CellLink, type SkillMixAnswers, readSkillMixAnswers } from "../../workbook/skillMixAnswers";
import { nameList, plural } from "./describeSkillMix";

const useStyles = makeStyles({
  answers: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

const percent = (fraction: number | null): string => (fraction === null ? "—" : `${Math.round(fraction * 100)}%`);

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "reading" }
  | { readonly kind: "none" }
  | { readonly kind: "read"; readonly answers: SkillMixAnswers }
  | { readonly kind: "failed"; readonly message: string };

/** A link that selects its cell; plain text where the workbook cannot select or the cell is unknown. */
function CellButton({ workbook, link, children }: { workbook: WorkbookAdapter; link: CellLink | null; children: string }) {
  if (!link || !workbook.selectCell) return <>{children}</>;
  return (
    <Link as="button" title={`Select ${link.sheet}!${link.address}`} onClick={() => void workbook.selectCell!(link.sheet, link.address).catch(() => undefined)}>
      {children}
    </Link>
  );
}

/** `version`: bump it to read the register again (after a build). */
export function SkillMixAnswersView({ catalog, workbook, version }: { catalog: Catalog; workbook: WorkbookAdapter; version: number }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "idle" });
  const read = useCallback(() => {
    setState({ kind: "reading" });
    readSkillMixAnswers(workbook, catalog).then(
      (answers) => setState(answers ? { kind: "read", answers } : { kind: "none" }),
      (e: unknown) => setState({ kind: "failed", message: e instanceof Error ? e.message : String(e) }),
    );
  }, [workbook, catalog]);
  useEffect(() => {
    if (version > 0) read();
  }, [version, read]);

  return (
    <section className={styles.answers} aria-labelledby="skill-mix-answers">
      <Text as="h3" id="skill-mix-answers" size={300} weight="semibold" className={styles.heading}>
        What the register says
      </Text>
      <div>
        <Button onClick={read} disabledFocusable={state.kind === "reading"}>
          {state.kind === "read" ? "Read the register again" : "Read the register"}
        </Button>
      </div>
      <div aria-live="polite" className={styles.answers}>
        {state.kind === "reading" ? <Spinner size="tiny" labelPosition="after" label="Reading the register…" /> : null}
        {state.kind === "none" ? <Text>No Team skills register in this workbook yet: build it above.</Text> : null}
        {state.kind === "failed" ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{state.message}</MessageBarBody>
          </MessageBar>
        ) : null}
        {state.kind === "read" ? <Answers workbook={workbook} answers={state.answers} /> : null}
      </div>
    </section>
  );
}

function Answers({ workbook, answers }: { workbook: WorkbookAdapter; answers: SkillMixAnswers }) {
  const styles = useStyles();
  const { team, register } = answers;
  const noHolder = answers.atRisk.filter((c) => c.risk === "No holder");
  const singles = answers.atRisk.filter((c) => c.risk === "One holder");
  const fewer = answers.atRisk.filter((c) => c.risk === "Too few holders");
  const holderOf = (key: string): string => {
    const c = register.competences.findIndex((x) => x.key === key);
    const p = register.cells.findIndex((row) => isCompetent(row[c]!));
    return register.people[p]?.name ?? "";
  };
  return (
    <>
      <section aria-label="Team coverage">
        <Text block>
          Team coverage <span className={styles.figure}>{percent(team.fraction)}</span>
        </Text>
        <Text block size={200}>
          {`${team.competent} of ${team.needed} needed competences held (Competent) across ${plural(register.people.length, "person", "people")}. ` +
            `Of the ${plural(team.competencesNeeded, "competence")} the team needs, ${team.wellCovered} ${team.wellCovered === 1 ? "has" : "have"} at least ${team.minHolders} holders; ` +
            `${team.noHolder} no holder; ${team.singlePoint} one holder (single points of failure)` +
            (team.minHolders > 2 ? `; ${team.fewerThanWanted} fewer than ${team.minHolders}.` : ".")}
        </Text>
      </section>

      <Text as="h4" weight="semibold" className={styles.heading}>
        Each person
      </Text>
      <ul className={styles.list} aria-label="Each person's coverage">
        {answers.people.map((p) => (
          <li key={p.name}>
            <CellButton workbook={workbook} link={p.link}>
              {p.name}
            </CellButton>
            {`: ${percent(p.fraction)} (${p.competent} of ${p.needed})`}
          </li>
        ))}
      </ul>

      <Text as="h4" weight="semibold" className={styles.heading}>
        {`Gaps: no holder (${noHolder.length})`}
      </Text>
      {noHolder.length === 0 ? (
        <Text className={styles.muted}>Every competence the team needs has a holder.</Text>
      ) : (
        <ul className={styles.list} aria-label="Gaps: no holder">
          {noHolder.map((c) => (
            <li key={c.key}>
              <CellButton workbook={workbook} link={c.link}>
                {c.title}
              </CellButton>
              {` — ${plural(c.needing, "person needs", "people need")} it${c.developing > 0 ? `, ${c.developing} developing` : ""}`}
            </li>
          ))}
        </ul>
      )}

      <Text as="h4" weight="semibold" className={styles.heading}>
        {`Single points of failure (${singles.length})`}
      </Text>
      {singles.length === 0 ? (
        <Text className={styles.muted}>No competence rests on one person.</Text>
      ) : (
        <ul className={styles.list} aria-label="Single points of failure">
          {singles.map((c) => (
            <li key={c.key}>
              <CellButton workbook={workbook} link={c.link}>
                {c.title}
              </CellButton>
              {` — only ${holderOf(c.key)}`}
            </li>
          ))}
        </ul>
      )}
      {fewer.length > 0 ? (
        <Text size={200}>{`Fewer than ${team.minHolders} holders: ${nameList(fewer.map((c) => c.title), 3)}.`}</Text>
      ) : null}

      <Text as="h4" weight="semibold" className={styles.heading}>
        {`Training needs (${plural(answers.trainingNeeds.length, "person", "people")})`}
      </Text>
      {answers.trainingNeeds.length === 0 ? (
        <Text className={styles.muted}>Nobody has a competence to gain.</Text>
      ) : (
        <ul className={styles.list} aria-label="Training needs">
          {answers.trainingNeeds.map((n) => (
            <li key={n.person.name}>
              <CellButton workbook={workbook} link={n.link}>
                {n.person.name}
              </CellButton>
              {`: ${plural(n.toGain.length, "competence")} to gain`}
              {n.toGain.length > 0 ? (
                <>
                  {", first "}
                  <CellButton workbook={workbook} link={answers.cellOf(n.person.name, n.toGain[0]!.key)}>
                    {n.toGain[0]!.title}
                  </CellButton>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
