/**
 * "Team register": where the people come from (the staffing plan's people in post, a typed or pasted list, or the
 * register as the user edited it), then "Build team register", which builds or rebuilds the Team skills register,
 * the Skill mix summary and Training needs through buildSkillMix, keeping every status entered, and reports who
 * and what was added, restored or removed and what needs review.
 */
import { Button, Field, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { STAFFING_PLAN_TABLE } from "../../sheets/staffingPlan";
import { type TeamSource, buildSkillMix, readStaffingPlanVacancies } from "../../workbook/skillMix";
import { describeRebuild, fromPlanLines, runReport, skillMixJob } from "./describeSkillMix";
import { TeamListField } from "./TeamListField";
import { parseTeamList } from "./teamList";
import { SkillMixAnswersView } from "./SkillMixAnswersView";
import { ThresholdsNote } from "./ThresholdsNote";
import { useSheetsWriter } from "../writing/useSheetsWriter";
import type { WriteLock } from "../writing/writeLock";
import { WriteStatus } from "../writing/WriteStatus";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
});

type SourceKind = TeamSource["kind"];

const SOURCES: readonly { value: SourceKind; label: string }[] = [
  { value: "staffingPlan", label: "The staffing plan's people in post" },
  { value: "list", label: "A list I type or paste" },
  { value: "register", label: "The register as it is, after editing people or roles in it" },
];

export function TeamRegisterSection({ catalog, workbook, lock }: { catalog: Catalog; workbook: WorkbookAdapter; lock: WriteLock }) {
  const styles = useStyles();
  const runner = useSheetsWriter(workbook, lock);
  // The staffing plan when the workbook has one; a typed list when it has none (the plan would give "Nothing was written").
  const [source, setSource] = useState<SourceKind | null>(null);
  useEffect(() => {
    let live = true;
    workbook.readTable(STAFFING_PLAN_TABLE).then(
      (plan) => live && setSource((chosen) => chosen ?? (plan ? "staffingPlan" : "list")),
      () => live && setSource((chosen) => chosen ?? "list"),
    );
    return () => {
      live = false;
    };
  }, [workbook]);
  const [text, setText] = useState("");
  const [tried, setTried] = useState(false);
  const [version, setVersion] = useState(0);
  const [answersVersion, setAnswersVersion] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const buildButton = useRef<HTMLButtonElement>(null);
  const parsed = useMemo(() => parseTeamList(text, catalog.roles), [text, catalog.roles]);

  // The thresholds note re-reads the workbook once a run has finished.
  const phase = runner.state.phase;
  useEffect(() => {
    if (phase !== "writing" && phase !== "idle") setVersion((v) => v + 1);
    // The answers follow a register that was written.
    if (phase === "written") setAnswersVersion((v) => v + 1);
  }, [phase]);

  const build = (): void => {
    if (source === null) return;
    let team: TeamSource;
    if (source === "list") {
      setTried(true);
      if (parsed.errors.length > 0) {
        box.current?.focus();
        return;
      }
      team = { kind: "list", people: parsed.people };
    } else {
      team = { kind: source };
    }
    void runner.run(
      skillMixJob("Team register built", async (wb, options) => {
        const vacancies = team.kind === "staffingPlan" ? await readStaffingPlanVacancies(wb) : [];
        const { lines, review } = describeRebuild(await buildSkillMix(wb, catalog, { source: team, skipRoleMatrix: true }, options));
        return runReport([...lines, ...fromPlanLines(team.kind, vacancies)], review);
      }),
    );
  };

  return (
    <div className={styles.section}>
      <Text>
        The Team skills sheet: each person against each competence their roles need, with a status from a drop-down,
        then the Skill mix summary and Training needs. Rebuilding keeps every status you entered: new people and
        competences are added, and anyone no longer on the team moves to the “Left the team” sheet.
      </Text>
      <Field label="Who is on the register">
        <RadioGroup value={source ?? ""} onChange={(_, data) => setSource(data.value as SourceKind)}>
          {SOURCES.map((s) => (
            <Radio key={s.value} value={s.value} label={s.label} />
          ))}
        </RadioGroup>
      </Field>
      {source === "list" ? (
        <TeamListField
          value={text}
          onChange={setText}
          parsed={parsed}
          showProblems={tried}
          onLeave={(next) => {
            // Leaving for "Build team register": the build says what is wrong. Showing the lines now would push the
            // button down under the pointer between press and release, and the click would be lost.
            if (next !== null && next === buildButton.current) return;
            setTried((t) => t || text.trim() !== "");
          }}
          textareaRef={box}
        />
      ) : null}
      <div>
        <Button ref={buildButton} appearance="primary" disabledFocusable={lock.busy} onClick={build}>
          Build team register
        </Button>
      </div>
      <WriteStatus writer={runner} />
      <SkillMixAnswersView catalog={catalog} workbook={workbook} version={answersVersion} />
      <ThresholdsNote workbook={workbook} version={version} />
    </div>
  );
}
