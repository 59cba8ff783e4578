/**
 * Roles → the cells of the two catalog tables, the reverse of workbookCatalogFromRows: reading back what is
 * written here gives the same roles. A competence is written as the role's document titles it (an alias reads
 * back as the same competence), with the catalog's NOS code where there is one.
 */
import type { Competence } from "../../domain/competence";
import type { Role, RoleCompetence } from "../../domain/role";
import { linesCell, principleCell, sectionCell, serviceCell, sourceCell } from "./cellText";
import type { BaseCatalog, CatalogCells, CompetenceCells, RoleCells, WorkbookCatalog } from "./types";

export function roleCells(role: Role): RoleCells {
  return {
    id: role.id,
    title: role.title,
    namedRole: role.namedRole ?? "",
    service: serviceCell(role.service),
    level: role.careerFrameworkLevel,
    areaOfWork: role.areaOfWork,
    experience: linesCell(role.experienceRequired),
    scope: linesCell(role.scope),
    formalLearning: linesCell(role.learning.formal),
    informalLearning: linesCell(role.learning.informal),
    source: sourceCell(role.provenance),
  };
}

/** Looks competences up in the built-in catalog, then among `extra` (competences only the workbook has). */
export function competenceCellsWriter(base: BaseCatalog, extra: readonly Competence[]) {
  const extraById = new Map(extra.map((c) => [c.id, c]));
  const principleById = new Map(base.principles.map((p) => [p.id, p]));
  return (roleId: string, rc: RoleCompetence): CompetenceCells => {
    const competence = base.competenceIndex.byId.get(rc.competenceId) ?? extraById.get(rc.competenceId);
    const principle = principleById.get(rc.principleId);
    return {
      roleId,
      section: sectionCell(rc.section),
      // An unknown principle id can't come from a validated role; writing the id keeps it visible rather than blank.
      principle: principle ? principleCell(principle) : rc.principleId,
      function: rc.function,
      competence: rc.titleInDocument || competence?.title || rc.competenceId,
      nosCode: competence?.code ?? "",
    };
  };
}

export function workbookCatalogCells(catalog: WorkbookCatalog, base: BaseCatalog): CatalogCells {
  const write = competenceCellsWriter(base, catalog.competences);
  return {
    roles: catalog.roles.map(roleCells),
    competences: [
      ...catalog.roles.flatMap((role) => role.competences.map((rc) => write(role.id, rc))),
      ...catalog.locality.flatMap((addition) => addition.competences.map((rc) => write(addition.roleId, rc))),
    ],
  };
}
