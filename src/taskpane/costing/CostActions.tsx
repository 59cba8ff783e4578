/**
 * What to do with a costed post: "Add to plan" sends it (named, with its role and status) to the posts waiting to
 * be added on the Plan tab, as the Plan tab's own form does; "Put on a sheet" writes its breakdown to the "Post
 * cost" sheet, with formulas over the Pay scales and On-costs tables, refreshed by the next post put there.
 */
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Catalog } from "../../catalog";
import { type PlannedPost, type PostCost, type PostStatus, parsePlannedPost, roundedCostLines } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { STAFFING_PLAN_TABLE } from "../../sheets/staffingPlan";
import { rowsByHeaders } from "../../workbook/tableRows";
import { RoleField, StatusField, useFieldStyles } from "./CostingFields";
import { postCostSheetJob } from "./costingJobs";
import { WriteStatus } from "../writing/WriteStatus";
import { useSheetsWriter } from "../writing/useSheetsWriter";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const q = (text: string): string => `“${text}”`;

export interface CostActionsProps {
  readonly catalog: Catalog;
  readonly workbook: WorkbookAdapter;
  /** The cost as the pane shows it; null while a field is wrong (the buttons then say so). */
  readonly cost: PostCost | null;
  /** The posts waiting to be added to the plan (shared with the Plan tab). */
  readonly pending: readonly PlannedPost[];
  readonly onAddToPlan: (post: PlannedPost) => void;
}

export function CostActions({ catalog, workbook, cost, pending, onAddToPlan }: CostActionsProps) {
  const styles = useStyles();
  const fieldStyles = useFieldStyles();
  const [name, setName] = useState("");
  const [role, setRole] = useState("");
  const [status, setStatus] = useState<PostStatus>("Vacant");
  const [problem, setProblem] = useState<string | undefined>();
  const [news, setNews] = useState("");
  const nameInput = useRef<HTMLInputElement>(null);
  const writer = useSheetsWriter(workbook);

  const refuse = (message: string): void => {
    setProblem(message);
    setNews("");
    nameInput.current?.focus();
  };

  const addToPlan = async (): Promise<void> => {
    if (!cost) return;
    const post = name.trim();
    if (post === "") return refuse("Give the post a name to add it to the plan, such as “Band 6 practitioner 1”");
    if (pending.some((p) => p.post.trim().toLowerCase() === post.toLowerCase())) {
      return refuse(`${q(post)} is already waiting to be added to the plan: give each post its own name`);
    }
    // The build would leave a post of the same name in the plan as it is, so say so now rather than then.
    const inPlan = rowsByHeaders(await workbook.readTable(STAFFING_PLAN_TABLE), ["Post"]).some(
      (r) => String(r[0] ?? "").trim().toLowerCase() === post.toLowerCase(),
    );
    if (inPlan) return refuse(`${q(post)} is already in the staffing plan: give this post its own name`);
    let planned: PlannedPost;
    try {
      planned = parsePlannedPost(
        { post, role, band: cost.band, point: cost.point, wte: cost.wte, hcasZone: cost.hcasZone, status },
        "This post",
      );
    } catch (e) {
      return refuse((e as Error).message);
    }
    onAddToPlan(planned);
    setProblem(undefined);
    setName("");
    const waiting = pending.length + 1;
    setNews(
      `Added ${q(post)} to the posts to add on the Plan tab (${waiting} waiting). It is costed there at the plan's year and pension basis; build the plan from there.`,
    );
  };

  const putOnSheet = (): void => {
    if (!cost) return;
    setNews("");
    const post = name.trim();
    const input = {
      ...(post ? { post } : {}),
      ...(role.trim() ? { role: role.trim() } : {}),
      band: cost.band,
      point: cost.point,
      wte: cost.wte,
      year: cost.year,
      hcasZone: cost.hcasZone,
      pensionBasis: cost.pensionBasis,
      includeLevy: cost.includeLevy,
    };
    void writer.run(postCostSheetJob(catalog, input, roundedCostLines(cost).total));
  };

  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>Use this cost</legend>
      <Field
        label="Post name"
        hint="Needed to add it to the plan; on a sheet, its title"
        validationState={problem ? "error" : "none"}
        validationMessage={problem}
      >
        <Input ref={nameInput} value={name} onChange={(_, data) => setName(data.value)} placeholder="e.g. L&D practitioner 1" />
      </Field>
      <RoleField catalog={catalog} value={role} onChange={setRole} />
      <div className={fieldStyles.pair}>
        <StatusField value={status} onChange={setStatus} />
      </div>
      <div className={styles.buttons}>
        <Button disabledFocusable={!cost} onClick={() => void addToPlan()}>
          Add to plan
        </Button>
        <Button disabledFocusable={!cost || writer.busy} onClick={putOnSheet}>
          Put on a sheet
        </Button>
      </div>
      {cost ? null : <Text size={200}>No cost to use yet: put right the field above.</Text>}
      {/* Live but not a status role: the card's total is the panel's one status. */}
      <Text block size={200} aria-live="polite">
        {news}
      </Text>
      <WriteStatus writer={writer} />
    </fieldset>
  );
}
