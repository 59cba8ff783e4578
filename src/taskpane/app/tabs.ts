/**
 * The task pane's tabs, in the order the tab row shows them. The first tab (Roles) is part of the task pane's
 * entry: the first view needs it, and one script compresses better and runs sooner than the entry and a chunk.
 * Every other tab's code is a chunk of its own, loaded when the pane is idle or when the tab is opened, whichever
 * is first (App.tsx, lazyTabs.tsx).
 *
 * Add a tab with one entry: `load` imports the tab's module under the chunk name "tab-<id>" and returns its
 * component, which gets the built-in catalog and the workbook. A tab that works with the workbook's own roles too
 * (its Catalog sheet) wraps its component in `withWorkbookRoles`, imported in the same chunk.
 * The build's size budget counts the entries (webpack.config.js FIRST_VIEW_BUDGET_KIB), the first tab included.
 */
import type { ComponentType } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { RolesTab } from "../roles/RolesTab";

export interface TabProps {
  readonly catalog: Catalog;
  readonly workbook: WorkbookAdapter;
}

export interface TabDefinition {
  /** Stable id: the element ids (`tab-<id>`, `panel-<id>`) and the chunk name. */
  readonly id: string;
  readonly label: string;
  readonly load: () => Promise<ComponentType<TabProps>>;
}

/** A tab whose component sees the workbook's Catalog sheet roles as well as the built-in ones. */
const withWorkbookRoles = async (tab: Promise<ComponentType<TabProps>>): Promise<ComponentType<TabProps>> => {
  const [component, { withWorkbookRoles: wrap }] = await Promise.all([
    tab,
    import(/* webpackChunkName: "workbook-roles" */ "./withWorkbookRoles"),
  ]);
  return wrap(component);
};

export const TABS: readonly TabDefinition[] = [
  { id: "roles", label: "Roles", load: async () => RolesTab },
  {
    id: "costing",
    label: "Costing",
    load: () => withWorkbookRoles(import(/* webpackChunkName: "tab-costing" */ "../costing/CostingTab").then((m) => m.CostingTab)),
  },
  {
    id: "skillMix",
    label: "Skill mix",
    load: () => withWorkbookRoles(import(/* webpackChunkName: "tab-skillMix" */ "../skillMix/SkillMixTab").then((m) => m.SkillMixTab)),
  },
  { id: "je", label: "JE calculator", load: () => import(/* webpackChunkName: "tab-je" */ "../je/JeCalculatorTab").then((m) => m.JeCalculatorTab) },
  {
    id: "establishment",
    label: "Establishment",
    load: () => import(/* webpackChunkName: "tab-establishment" */ "../establishment/EstablishmentTab").then((m) => m.EstablishmentTab),
  },
  { id: "forecast", label: "Forecast", load: () => import(/* webpackChunkName: "tab-forecast" */ "../forecast/ForecastTab").then((m) => m.ForecastTab) },
  { id: "catalog", label: "Catalog", load: () => import(/* webpackChunkName: "tab-catalog" */ "../catalog/CatalogTab").then((m) => m.CatalogTab) },
  { id: "reference", label: "Reference", load: () => import(/* webpackChunkName: "tab-reference" */ "../reference/ReferenceTab").then((m) => m.ReferenceTab) },
];
