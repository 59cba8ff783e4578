import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { parseRoleProfileText } from "../../src/domain/import/roleProfileText";
import { SEED_FILES, readSeed } from "../support/seeds";

/**
 * The catalog was written by reading the documents; the importer reads them by rule. Two independent readings
 * that agree line for line are the strongest evidence the catalog lists exactly what each document lists.
 */
const catalog = defaultCatalog();
const knownTitles = catalog.competences.flatMap((c) => [c.title, ...c.aliases]);

describe.each(Object.entries(SEED_FILES))("%s", (roleId, file) => {
  const role = catalog.roles.find((r) => r.id === roleId)!;
  const parsed = parseRoleProfileText(readSeed(file), { knownTitles });

  it("is read by the importer with no problems", () => {
    expect(parsed.problems).toEqual([]);
  });

  it("has the importer's competences, in order, section, principle and function", () => {
    const fromCatalog = role.competences.map((c) => ({
      section: c.section,
      principle: catalog.principleById(c.principleId).code,
      function: c.function,
      title: c.titleInDocument,
    }));
    const fromDocument = parsed.competences.map((c) => ({ section: c.section, principle: c.principleCode, function: c.function, title: c.title }));
    expect(fromCatalog).toEqual(fromDocument);
  });

  it("has the importer's basic information and learning", () => {
    expect(parsed.careerFrameworkLevel).toBe(role.careerFrameworkLevel);
    expect(parsed.title).toBe(role.namedRole);
    expect(parsed.areaOfWork).toBe(role.areaOfWork);
    expect(parsed.scope).toEqual(role.scope);
  });
});
