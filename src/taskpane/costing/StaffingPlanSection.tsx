/**
 * The staffing plan: its parameters, a form adding posts to a list, and "Build staffing plan", which writes the
 * plan, its summary, the pay scales and the on-costs through buildStaffingPlan and reports each sheet.
 */
import { Button, Checkbox, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from "react";
import type { Catalog } from "../../catalog";
import { type PensionBasis, type PlanParameters, type PlannedPost, defaultYear } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { STAFFING_PLAN_KEY as PLAN_KEY } from "../../sheets/staffingPlan";
import { readPlanParameters } from "../../workbook/planParameters";
import { AddPostForm } from "./AddPostForm";
import { PensionField, YearField, useFieldStyles } from "./CostingFields";
import { staffingPlanJob } from "./costingJobs";
import { parseVacancyPercent } from "./costingText";
import { PendingPosts } from "./PendingPosts";
import { WriteStatus } from "../writing/WriteStatus";
import { type SheetsJob, useSheetsWriter } from "../writing/useSheetsWriter";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  build: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface StaffingPlanSectionProps {
  readonly catalog: Catalog;
  readonly workbook: WorkbookAdapter;
  /** The posts waiting to be added, kept by the Costing tab: Post cost's "Add to plan" adds to them too. */
  readonly posts: readonly PlannedPost[];
  readonly setPosts: Dispatch<SetStateAction<PlannedPost[]>>;
}

export function StaffingPlanSection({ catalog, workbook, posts, setPosts }: StaffingPlanSectionProps) {
  const styles = useStyles();
  const fieldStyles = useFieldStyles();
  const pay = catalog.pay;
  const [year, setYear] = useState(() => defaultYear(pay));
  const [pension, setPension] = useState<PensionBasis>("employer");
  const [levy, setLevy] = useState(false);
  const [vacancy, setVacancy] = useState("0");
  const [vacancyTried, setVacancyTried] = useState(false);
  const [news, setNews] = useState("");
  const writer = useSheetsWriter(workbook);
  const vacancyInput = useRef<HTMLInputElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const building = useRef<{ job: SheetsJob; posts: readonly PlannedPost[] } | null>(null);

  // The plan's own parameters once it exists: its sheet decides, so the posts to add are costed at them.
  const [planParameters, setPlanParameters] = useState<PlanParameters | null>(null);
  const [planVersion, setPlanVersion] = useState(0);
  useEffect(() => {
    let live = true;
    readPlanParameters(workbook).then(
      (p) => live && setPlanParameters(p),
      () => live && setPlanParameters(null),
    );
    return () => {
      live = false;
    };
  }, [workbook, planVersion]);
  // After a build, the last message belongs to that build: a post added since hides it.
  const [statusHidden, setStatusHidden] = useState(false);

  // A post added since, here or from Post cost, hides the last build's message.
  const listed = useRef(posts.length);
  const { busy } = writer;
  useEffect(() => {
    if (posts.length > listed.current && !busy) setStatusHidden(true);
    listed.current = posts.length;
  }, [posts.length, busy]);

  const parsedVacancy = parseVacancyPercent(vacancy);
  const parameters: PlanParameters = planParameters ?? {
    year,
    pensionBasis: pension,
    includeLevy: levy,
    vacancyFactor: parsedVacancy.ok ? parsedVacancy.value : 0,
  };

  // Once the plan sheet is written the posts are in it, even if a later sheet stopped at a conflict: they leave
  // the list (a post added to the list meanwhile stays).
  const { state } = writer;
  useEffect(() => {
    const built = building.current;
    if (!built || !("written" in state) || state.job !== built.job) return;
    if (state.written.some((w) => w.key === PLAN_KEY && w.result.status === "written")) {
      building.current = null;
      setPlanVersion((v) => v + 1);
      setPosts((current) => current.filter((p) => !built.posts.includes(p)));
      setNews("");
    }
  }, [state]);

  const add = (post: PlannedPost): void => {
    setPosts((current) => [...current, post]);
    setNews(`Added “${post.post}”: ${posts.length + 1} to add.`);
  };
  const remove = (index: number): void => {
    const gone = posts[index];
    setPosts((current) => current.filter((_, i) => i !== index));
    setNews(gone ? `Removed “${gone.post}”: ${posts.length - 1} to add.` : "");
    listHeading.current?.focus();
  };
  const build = (): void => {
    setVacancyTried(true);
    setStatusHidden(false);
    if (!planParameters && !parsedVacancy.ok) {
      vacancyInput.current?.focus();
      return;
    }
    const job = staffingPlanJob(catalog, posts, parameters);
    building.current = { job, posts };
    void writer.run(job);
  };
  const vacancyProblem = !planParameters && !parsedVacancy.ok && (vacancyTried || vacancy.trim() !== "") ? parsedVacancy.message : undefined;

  return (
    <div className={styles.section}>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Plan parameters</legend>
        <Text size={200} className={styles.hint}>
          {planParameters
            ? "This workbook's plan decides these: its sheet's Parameters table holds them (change them there). The posts to add are costed at them."
            : "For a new plan. Once the plan exists, its sheet's Parameters table decides: change them there."}
        </Text>
        <div className={fieldStyles.pair}>
          <YearField pay={pay} value={parameters.year} onChange={setYear} disabled={planParameters !== null} />
          <PensionField pay={pay} year={parameters.year} value={parameters.pensionBasis} onChange={setPension} disabled={planParameters !== null} />
          <Field
            label="Vacancy factor"
            className={fieldStyles.field}
            validationState={vacancyProblem ? "error" : "none"}
            validationMessage={vacancyProblem}
          >
            <Input
              ref={vacancyInput}
              className={fieldStyles.control}
              inputMode="decimal"
              disabled={planParameters !== null}
              value={planParameters ? String(Math.round(planParameters.vacancyFactor * 10000) / 100) : vacancy}
              contentAfter="%"
              onChange={(_, data) => setVacancy(data.value)}
            />
          </Field>
        </div>
        <Checkbox disabled={planParameters !== null} checked={parameters.includeLevy} onChange={(_, data) => setLevy(data.checked === true)} label="Include the apprenticeship levy" />
      </fieldset>

      <AddPostForm catalog={catalog} year={parameters.year} listed={new Set(posts.map((p) => p.post.toLowerCase()))} onAdd={add} />

      <PendingPosts ref={listHeading} pay={pay} posts={posts} parameters={parameters} news={news} onRemove={remove} />

      <div className={styles.build}>
        <Text size={200}>
          Posts already in the plan, and every edit you made on the Staffing plan sheet, are kept: building adds the new
          posts and rewrites only the cost formulas.
        </Text>
        <div>
          <Button appearance="primary" disabledFocusable={writer.busy} onClick={build}>
            Build staffing plan
          </Button>
        </div>
        {statusHidden ? null : <WriteStatus writer={writer} />}
      </div>
    </div>
  );
}
