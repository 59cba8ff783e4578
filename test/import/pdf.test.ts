import { describe, expect, it } from "vitest";
import { readPdfText } from "../../src/cli/pdfText";
import { defaultCatalog } from "../../src/catalog";
import { textFromPositionedItems } from "../../src/domain/import/pdfLayout";
import { parseRoleProfileText } from "../../src/domain/import/roleProfileText";
import { importedRole } from "../../src/domain/import/toRole";
import { textToPdf } from "../support/pdfWriter";
import { SEED_FILES, readSeed } from "../support/seeds";

const catalog = defaultCatalog();
const knownTitles = catalog.competences.flatMap((c) => [c.title, ...c.aliases]);
const context = {
  competenceIndex: catalog.competenceIndex,
  principles: catalog.principles,
  knownLearning: catalog.roles.flatMap((r) => [...r.learning.formal, ...r.learning.informal]),
};

describe("rebuilding table rows from positioned text", () => {
  it("keeps empty leading cells by column position and joins runs within a cell", () => {
    const text = textFromPositionedItems([
      { page: 1, x: 40, y: 700, width: 60, text: "Heading" },
      { page: 1, x: 40, y: 690, width: 40, text: "1. Communication" },
      { page: 1, x: 300, y: 690, width: 40, text: "Communicate" },
      { page: 1, x: 341, y: 690, width: 40, text: "effectively" },
      { page: 1, x: 560, y: 690, width: 40, text: "Talk" },
      { page: 1, x: 560, y: 680, width: 40, text: "Listen" },
      { page: 1, x: 300, y: 670, width: 40, text: "Write" },
      { page: 1, x: 560, y: 670, width: 40, text: "Read" },
      { page: 1, x: 300, y: 660, width: 40, text: "Alone" },
    ]);
    expect(text).toBe("Heading\n1. Communication\tCommunicate effectively\tTalk\n\t\tListen\n\tWrite\tRead\n\tAlone\t");
  });
});

describe.each(Object.entries(SEED_FILES))("a PDF of %s", (roleId, file) => {
  it("imports to the catalog's competences, section, principle and function", async () => {
    const text = await readPdfText(new Uint8Array(textToPdf(readSeed(file))));
    const { role, problems } = importedRole(parseRoleProfileText(text, { knownTitles }), context);
    const expected = catalog.roles.find((r) => r.id === roleId)!;
    expect(problems).toEqual([]);
    expect(role!.careerFrameworkLevel).toBe(expected.careerFrameworkLevel);
    expect(role!.namedRole).toBe(expected.namedRole);
    expect(role!.competences).toEqual(expected.competences);
    expect(role!.learning).toEqual(expected.learning);
  }, 30_000);
});
