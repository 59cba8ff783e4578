/**
 * The Costing tab: cost one post, build a staffing plan, compare two scenarios, insert the pay reference tables.
 * Four parts behind a small second row of tabs.
 */
import { useCallback, useState } from "react";
import type { Catalog } from "../../catalog";
import type { PlannedPost } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { SubTabs } from "../app/SubTabs";
import { CompareSection } from "./CompareSection";
import { PayTablesSection } from "./PayTablesSection";
import { PostCostCalculator } from "./PostCostCalculator";
import { StaffingPlanSection } from "./StaffingPlanSection";

export function CostingTab({ catalog, workbook }: { catalog: Catalog; workbook: WorkbookAdapter }) {
  // The posts waiting to be added to the plan: Plan's form adds to them, and so does Post cost's "Add to plan".
  const [pending, setPending] = useState<PlannedPost[]>([]);
  const addToPlan = useCallback((post: PlannedPost) => setPending((current) => [...current, post]), []);
  return (
    <SubTabs
      label="Costing"
      idPrefix="costing"
      parts={[
        { value: "post", label: "Post cost", heading: "Cost one post", panel: <PostCostCalculator catalog={catalog} workbook={workbook} pending={pending} onAddToPlan={addToPlan} /> },
        { value: "plan", label: "Plan", heading: "Build a staffing plan", panel: <StaffingPlanSection catalog={catalog} workbook={workbook} posts={pending} setPosts={setPending} /> },
        { value: "compare", label: "Compare", heading: "Compare scenarios", panel: <CompareSection catalog={catalog} workbook={workbook} /> },
        { value: "pay", label: "Pay tables", heading: "Pay scales and on-costs", panel: <PayTablesSection catalog={catalog} workbook={workbook} /> },
      ]}
    />
  );
}
