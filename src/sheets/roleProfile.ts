import type { Catalog } from "../catalog";
import { type Role, SERVICE_LABELS } from "../domain";
import { STYLE, SheetLayout } from "./layout";
import { sheetNameFor, tableNameFor } from "./names";
import type { SheetPlan } from "./plan";

const SECTION_LABELS = { core: "Core", specific: "Role-specific", locality: "Locality-specific" } as const;

export const roleProfileKey = (roleId: string): string => `role-profile:${roleId}`;
export const competenceTableName = (roleId: string): string => tableNameFor("Competences", roleId);
export const learningTableName = (roleId: string): string => tableNameFor("Learning", roleId);

/**
 * A role profile on one sheet, for reading and printing: basic information, scope, the competences as an
 * Excel table (section, principle, reference function, competence, NOS code) and the indicative learning.
 */
export function roleProfileSheet(catalog: Catalog, role: Role): SheetPlan {
  const level = catalog.careerLevels.find((l) => l.level === role.careerFrameworkLevel);
  const layout = new SheetLayout();
  layout.line(role.title, STYLE.title);
  layout.line(
    `${SERVICE_LABELS[role.service]} · Career Framework level ${role.careerFrameworkLevel}${level ? ` (${level.title})` : ""}`,
    STYLE.subtitle,
  );
  layout.gap();
  layout.line("Basic information", STYLE.heading);
  layout.keyValues([
    ["Named role", role.namedRole ?? role.title],
    ["Area of work", role.areaOfWork],
    ["Career Framework level", role.careerFrameworkLevel],
    ["Experience required", role.experienceRequired.map((e) => `• ${e}`).join("\n")],
    ...(level ? ([[`Level ${level.level} descriptor`, level.descriptor]] as const) : []),
    ...role.scope.map((paragraph, i) => [i === 0 ? "Scope of the role" : "", paragraph] as const),
  ]);
  layout.gap();
  layout.line("Competences (National Occupational Standards)", STYLE.heading);
  const competenceHeader = layout.table(
    competenceTableName(role.id),
    [
      { header: "Section", width: 22 },
      { header: "Underpinning principle", width: 48, wrap: true },
      { header: "Reference function", width: 36, wrap: true },
      { header: "Competence", width: 60, wrap: true },
      { header: "NOS code", width: 12 },
    ],
    role.competences.map((rc) => {
      const principle = catalog.principleById(rc.principleId);
      const competence = catalog.competenceIndex.byId.get(rc.competenceId)!;
      return [SECTION_LABELS[rc.section], `${principle.code}. ${principle.name}`, rc.function, competence.title, competence.code ?? ""];
    }),
  );
  layout.line(
    role.competences.some((c) => c.section === "locality")
      ? "Locality-specific competences were added by the service."
      : "Locality-specific competences: none in the national profile; add your service's own.",
    STYLE.note,
  );
  layout.gap();
  layout.line("Indicative learning and development", STYLE.heading);
  layout.table(
    learningTableName(role.id),
    [
      { header: "Type", width: 22 },
      { header: "Learning", width: 48, wrap: true },
    ],
    [...role.learning.formal.map((l) => ["Formal", l]), ...role.learning.informal.map((l) => ["Informal", l])],
  );
  layout.gap();
  layout.line(`Source: ${role.provenance.source} (${role.provenance.year}, ${role.provenance.status})`, STYLE.note);
  layout.line("NOS codes are shown only where confirmed; an empty code is unknown, not missing.", STYLE.note);
  return {
    key: roleProfileKey(role.id),
    name: sheetNameFor(role.title),
    blocks: layout.blocks,
    columnWidths: [22, 48, 36, 60, 12],
    tabColor: role.service === "reconnect" ? "#41B6E6" : "#005EB8",
    print: { fitToWidth: true, landscape: true, repeatRows: { first: competenceHeader, last: competenceHeader } },
  };
}
