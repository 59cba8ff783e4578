// The catalog built from data that fits the schema: reference checks and indices. No schema library here, so the
// embedded catalog (validated at build and test time) loads without one; user-supplied data goes through load.ts.
import {
  type CareerLevelDefinition,
  type Competence,
  type CompetenceIndex,
  type JeScheme,
  type NationalProfile,
  type PayData,
  type PrincipleDefinition,
  type Role,
  createCompetenceIndex,
  createJeScheme,
} from "../domain";
import type { CatalogData } from "./schema";

/** The catalog as the product uses it: validated data plus the indices built from it. */
export interface Catalog {
  readonly jeScheme: JeScheme;
  readonly careerLevels: readonly CareerLevelDefinition[];
  readonly principles: readonly PrincipleDefinition[];
  readonly competences: readonly Competence[];
  readonly competenceIndex: CompetenceIndex;
  readonly roles: readonly Role[];
  readonly nationalProfiles: readonly NationalProfile[];
  readonly pay: PayData;
  /** The validated data the catalog was built from, for building another on top of it. */
  readonly data: CatalogData;
  principleById(id: string): PrincipleDefinition;
}

/** A catalog file that does not fit its schema; `issues` name each bad field by its path. */
export class CatalogError extends Error {
  readonly issues: readonly { path: string; message: string }[];

  constructor(issues: readonly { path: string; message: string }[]) {
    super(`the catalog is not valid:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
    this.name = "CatalogError";
    this.issues = issues;
  }
}

/** "roles.roles[2].competences[5].section", the way a person finds the field in the JSON file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out || "(root)";
}

/** Checks what the schema cannot: ids unique, references resolve, thresholds contiguous. */
function referenceIssues(data: CatalogData): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const duplicates = (ids: readonly string[], at: (i: number) => string, what: string): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: at(i), message: `duplicate ${what} id '${id}'` });
      seen.add(id);
    });
  };
  const { principles, competences } = data.competences;
  duplicates(principles.map((p) => p.id), (i) => `competences.principles[${i}].id`, "principle");
  duplicates(competences.map((c) => c.id), (i) => `competences.competences[${i}].id`, "competence");
  duplicates(data.roles.roles.map((r) => r.id), (i) => `roles.roles[${i}].id`, "role");
  duplicates(data.nationalProfiles.profiles.map((p) => p.id), (i) => `nationalProfiles.profiles[${i}].id`, "profile");
  duplicates(data.roles.roles.map((r) => r.title.toLowerCase()), (i) => `roles.roles[${i}].title`, "role title as");
  competences.forEach((c, i) => {
    if (c.code && !c.codeProvenance) {
      issues.push({ path: `competences.competences[${i}].codeProvenance`, message: "a NOS code needs its source" });
    }
  });
  const principleIds = new Set(principles.map((p) => p.id));
  const competenceIds = new Set(competences.map((c) => c.id));
  data.roles.roles.forEach((r, i) =>
    r.competences.forEach((rc, j) => {
      const at = `roles.roles[${i}].competences[${j}]`;
      if (!competenceIds.has(rc.competenceId)) {
        issues.push({ path: `${at}.competenceId`, message: `no competence '${rc.competenceId}'` });
      }
      if (!principleIds.has(rc.principleId)) {
        issues.push({ path: `${at}.principleId`, message: `no principle '${rc.principleId}'` });
      }
    }),
  );
  data.pay.payScales.forEach((scale, i) =>
    scale.bands.forEach((b, j) => {
      const names = b.points.map((p) => p.point);
      const ordered = b.points.every((p, k) => k === 0 || p.annual > b.points[k - 1]!.annual);
      if (!ordered) issues.push({ path: `pay.payScales[${i}].bands[${j}].points`, message: "pay points must rise from entry to top" });
      if (names[0] !== "entry" || (names.length > 1 && names[names.length - 1] !== "top")) {
        issues.push({ path: `pay.payScales[${i}].bands[${j}].points`, message: "points run entry, [intermediate,] top" });
      }
      const progression = data.pay.progression.find((p) => p.band === b.band);
      if (progression && progression.yearsToNext.length !== b.points.length - 1) {
        issues.push({ path: `pay.payScales[${i}].bands[${j}].points`, message: `band ${b.band} has ${b.points.length} points but its progression has ${progression.yearsToNext.length} steps` });
      }
    }),
  );
  for (const [i, scale] of data.pay.payScales.entries()) {
    if (!data.pay.onCosts.some((o) => o.year === scale.year)) {
      issues.push({ path: `pay.payScales[${i}].year`, message: `no on-cost rules for ${scale.year}` });
    }
  }
  data.careerFramework.levels.forEach((l, i) => {
    if (l.level !== i + 1) issues.push({ path: `careerFramework.levels[${i}].level`, message: `expected level ${i + 1}` });
  });
  return issues;
}

/**
 * Builds the catalog's indices from data that already fits the schema (parsed by loadCatalog, or the embedded data,
 * which the build and the tests check against it). Throws CatalogError for what the schema cannot check.
 */
export function catalogFromData(data: CatalogData): Catalog {
  const refs = referenceIssues(data);
  if (refs.length > 0) throw new CatalogError(refs);
  let jeScheme: JeScheme;
  let competenceIndex: CompetenceIndex;
  try {
    jeScheme = createJeScheme(data.jeScheme);
    competenceIndex = createCompetenceIndex(data.competences.competences);
  } catch (e) {
    throw new CatalogError([{ path: "jeScheme", message: (e as Error).message }]);
  }
  const principles = data.competences.principles;
  const principleMap = new Map(principles.map((p) => [p.id, p]));
  return {
    jeScheme,
    careerLevels: data.careerFramework.levels,
    principles,
    competences: data.competences.competences,
    competenceIndex,
    roles: data.roles.roles,
    nationalProfiles: data.nationalProfiles.profiles,
    pay: data.pay,
    data,
    principleById(id) {
      const p = principleMap.get(id);
      if (!p) throw new Error(`no principle '${id}'`);
      return p;
    },
  };
}
