import type { Catalog } from "../catalog";
import { type NationalProfile, type Role, SERVICE_LABELS, evaluateProfile } from "../domain";

/** A role as `wfp role <id> --json` (and later `wfp import --json`) prints it: competences resolved in full. */
export function roleJson(catalog: Catalog, role: Role) {
  return {
    kind: "role" as const,
    id: role.id,
    title: role.title,
    namedRole: role.namedRole ?? role.title,
    service: role.service,
    serviceLabel: SERVICE_LABELS[role.service],
    areaOfWork: role.areaOfWork,
    careerFrameworkLevel: role.careerFrameworkLevel,
    experienceRequired: role.experienceRequired,
    scope: role.scope,
    competences: role.competences.map((rc) => {
      const c = catalog.competenceIndex.byId.get(rc.competenceId)!;
      const p = catalog.principleById(rc.principleId);
      return {
        id: c.id,
        title: c.title,
        aliases: c.aliases,
        section: rc.section,
        principle: p.name,
        principleCode: p.code,
        function: rc.function,
        code: c.code ?? "",
        titleInDocument: rc.titleInDocument,
      };
    }),
    learning: role.learning,
    provenance: role.provenance,
  };
}

export function nationalProfileJson(catalog: Catalog, profile: NationalProfile) {
  const evaluation = evaluateProfile(catalog.jeScheme, profile);
  return {
    kind: "national-profile" as const,
    id: profile.id,
    title: profile.title,
    jobStatement: profile.jobStatement,
    factors: [...profile.factors]
      .sort((a, b) => a.factor - b.factor)
      .map((f) => ({ ...f, name: catalog.jeScheme.factors[f.factor - 1]!.name })),
    score: { min: evaluation.min, max: evaluation.max },
    band: { min: evaluation.bandMin, max: evaluation.bandMax },
    documentScore: profile.documentScore,
    documentBand: profile.documentBand,
    matchesDocument: evaluation.matchesDocument,
    provenance: profile.provenance,
  };
}
