/** Wraps a tab so it gets the workbook's catalog (built-in roles, with the Catalog sheet's entries winning). */
import type { ComponentType } from "react";
import { useWorkbookCatalog } from "../catalog/useWorkbookCatalog";
import type { TabProps } from "./tabs";

export function withWorkbookRoles(Tab: ComponentType<TabProps>): ComponentType<TabProps> {
  function WithWorkbookRoles({ catalog, workbook }: TabProps) {
    const merged = useWorkbookCatalog(workbook, catalog).state.view.catalog;
    return <Tab catalog={merged} workbook={workbook} />;
  }
  WithWorkbookRoles.displayName = `WithWorkbookRoles(${Tab.displayName ?? Tab.name})`;
  return WithWorkbookRoles;
}
