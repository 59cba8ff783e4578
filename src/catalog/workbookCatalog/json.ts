/**
 * The workbook catalog as a JSON file, `{version: 1, roles, competences}`: the roles the workbook adds or changes
 * (a built-in role with locality competences is written whole, so the file stands on its own), and the new
 * competences they use. The same file feeds `wfp workbook --catalog` and another workbook's Catalog tab.
 *
 * Reading checks the file against the catalog's own schema (src/catalog/schema.ts) and its references against the
 * built-in catalog, and names each problem by its path in the file ("roles[2].competences[5].principleId").
 */
import { z } from "zod";
import { competencesSchema, rolesSchema } from "../schema";
import type { Competence } from "../../domain/competence";
import { normalizeText } from "../../domain/text";
import type { Role } from "../../domain/role";
import { workbookRoles } from "./merge";
import type { BaseCatalog, WorkbookCatalog } from "./types";

export const CATALOG_JSON_VERSION = 1;

export interface CatalogJson {
  readonly version: typeof CATALOG_JSON_VERSION;
  readonly roles: readonly Role[];
  readonly competences: readonly Competence[];
}

export interface JsonIssue {
  /** Where in the file, e.g. "roles[2].title"; "(file)" for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export type CatalogJsonRead = { readonly ok: true; readonly json: CatalogJson } | { readonly ok: false; readonly issues: readonly JsonIssue[] };

export function catalogJson(catalog: WorkbookCatalog, base: BaseCatalog): CatalogJson {
  const { roles, competences } = workbookRoles(catalog, base);
  return { version: CATALOG_JSON_VERSION, roles, competences };
}

export function catalogJsonText(catalog: WorkbookCatalog, base: BaseCatalog): string {
  return `${JSON.stringify(catalogJson(catalog, base), null, 2)}\n`;
}

const fileSchema = z.strictObject({
  version: z.literal(CATALOG_JSON_VERSION, { error: `this reads catalog files of version ${CATALOG_JSON_VERSION}` }),
  roles: rolesSchema.shape.roles,
  competences: z.array(competencesSchema.shape.competences.element),
});

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out || "(file)";
}

export function readCatalogJson(text: string, base: BaseCatalog): CatalogJsonRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, issues: [{ path: "(file)", message: `not JSON: ${(e as Error).message}` }] };
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: pathText(i.path), message: i.message })) };
  }
  const json = parsed.data as CatalogJson;
  const issues = referenceIssues(json, base);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, json };
}

/** What the schema can't see: ids and titles unique, competences and principles that exist, names that clash. */
function referenceIssues(json: CatalogJson, base: BaseCatalog): JsonIssue[] {
  const issues: JsonIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  const fileIds = new Set(json.roles.map((r) => r.id));
  const seenIds = new Map<string, number>();
  const seenTitles = new Map<string, number>();
  const builtInTitles = new Map(base.roles.filter((r) => !fileIds.has(r.id)).map((r) => [r.title.trim().toLowerCase(), r.id]));
  json.roles.forEach((role, i) => {
    const id = seenIds.get(role.id);
    if (id !== undefined) add(`roles[${i}].id`, `the id "${role.id}" is also roles[${id}]'s`);
    seenIds.set(role.id, i);
    const key = role.title.trim().toLowerCase();
    const builtIn = builtInTitles.get(key);
    const earlier = seenTitles.get(key);
    if (builtIn !== undefined) add(`roles[${i}].title`, `"${role.title}" is the title of the built-in role "${builtIn}"`);
    else if (earlier !== undefined) add(`roles[${i}].title`, `"${role.title}" is also roles[${earlier}]'s title`);
    seenTitles.set(key, i);
  });

  const fileCompetences = new Map<string, number>();
  json.competences.forEach((c, i) => {
    if (fileCompetences.has(c.id)) add(`competences[${i}].id`, `the id "${c.id}" is also competences[${fileCompetences.get(c.id)}]'s`);
    fileCompetences.set(c.id, i);
    // The built-in catalog's own competences are skipped when merging; a new one must not take a name they use.
    if (base.competenceIndex.byId.has(c.id)) return;
    for (const name of [c.title, ...c.aliases, ...(c.code ? [c.code] : [])]) {
      const holder = base.competenceIndex.byKey.get(normalizeText(name));
      if (holder) add(`competences[${i}]`, `"${name}" already names the built-in competence "${holder.id}"`);
    }
  });

  const principleIds = new Set(base.principles.map((p) => p.id));
  json.roles.forEach((role, i) =>
    role.competences.forEach((rc, j) => {
      if (!base.competenceIndex.byId.has(rc.competenceId) && !fileCompetences.has(rc.competenceId)) {
        add(`roles[${i}].competences[${j}].competenceId`, `no competence "${rc.competenceId}" in the built-in catalog or the file's competences`);
      }
      if (!principleIds.has(rc.principleId)) add(`roles[${i}].competences[${j}].principleId`, `no underpinning principle "${rc.principleId}"`);
    }),
  );
  return issues;
}
