// The workbook's own roles in the WFP functions: the task pane's catalog store, once it has read the Catalog sheet,
// hands the merged catalog to the functions (shared runtime); they stay synchronous.
import { afterEach, describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { type Role, roleCoverage } from "../../src/domain";
import { parseRoleProfileText } from "../../src/domain/import/roleProfileText";
import { importedRole } from "../../src/domain/import/toRole";
import { MemoryWorkbook } from "../../src/excel/memoryWorkbook";
import { setFunctionsCatalog } from "../../src/functions/workbookCatalog";
import { WorkbookCatalogStore } from "../../src/taskpane/catalog/workbookCatalogStore";
import { addRolesToWorkbookCatalog } from "../../src/workbook/catalog";
import { excel, installCustomFunctionsStub } from "../support/customFunctionsStub";
import { SEED_FILES, readSeed } from "../support/seeds";

installCustomFunctionsStub();
const wfp = await import("../../src/functions/functions");
const catalog = defaultCatalog();

function localRole(): Role {
  const knownTitles = catalog.competences.flatMap((c) => [c.title, ...c.aliases]);
  const { role } = importedRole(
    parseRoleProfileText(readSeed(SEED_FILES["reconnect-senior-engagement-worker"]), { knownTitles }),
    { competenceIndex: catalog.competenceIndex, principles: catalog.principles },
    { id: "my-local-role", title: "My Local Role" },
  );
  return role as Role;
}

afterEach(() => setFunctionsCatalog(null));

describe("WFP functions over the workbook's catalog", () => {
  it("know a role added on the Catalog sheet once the pane's store has read it, and follow a change of the sheet", async () => {
    const role = localRole();
    const held = [[catalog.competenceIndex.byId.get(role.competences[0]!.competenceId)!.title]];
    expect(excel(() => wfp.roleCoverage("my-local-role", held))).toMatchObject({ error: "#N/A" });

    const workbook = new MemoryWorkbook({ sheets: ["Sheet1"] });
    const store = new WorkbookCatalogStore(workbook, catalog, undefined, setFunctionsCatalog);
    await store.reload();
    expect(excel(() => wfp.roleCoverage("my-local-role", held))).toMatchObject({ error: "#N/A" });

    // The sheet changes (the user adds the role): the store reads it again, as the table events or focus make it.
    await addRolesToWorkbookCatalog(workbook, catalog, [role], []);
    await store.reload();
    const expected = roleCoverage(store.getSnapshot().view.catalog.competenceIndex, role, held.map((r) => r[0]!)).fraction;
    expect(wfp.roleCoverage("my-local-role", held)).toBe(expected);
    expect(wfp.roles(null).map((r) => r[0])).toContain("my-local-role");
  });
});
