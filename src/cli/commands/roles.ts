import type { Catalog } from "../../catalog";
import { SERVICE_LABELS, evaluateProfile, findRole, notFound } from "../../domain";
import { type CliIo, UsageError, printJson } from "../io";
import { nationalProfileJson, roleJson } from "../roleJson";

export const rolesUsage = "wfp roles [--json]               the roles and national profiles in the catalog";
export const roleUsage = "wfp role <id or title> [--json]  one role or national profile in full";

function pad(text: string, width: number): string {
  return text.length >= width ? `${text}  ` : text.padEnd(width);
}

export function rolesCommand(catalog: Catalog, args: readonly string[], json: boolean, io: CliIo): void {
  if (args.length > 0) throw new UsageError(`usage: ${rolesUsage}`);
  const rows = [
    ...catalog.roles.map((r) => ({
      id: r.id,
      kind: "role" as const,
      title: r.title,
      service: r.service,
      careerFrameworkLevel: r.careerFrameworkLevel,
    })),
    ...catalog.nationalProfiles.map((p) => {
      const e = evaluateProfile(catalog.jeScheme, p);
      return { id: p.id, kind: "national-profile" as const, title: p.title, bandMin: e.bandMin, bandMax: e.bandMax };
    }),
  ];
  if (json) {
    printJson(io, rows);
    return;
  }
  const lines = ["Role profiles (Skills for Health)"];
  for (const r of catalog.roles) {
    lines.push(`  ${pad(r.id, 38)}level ${r.careerFrameworkLevel}  ${pad(SERVICE_LABELS[r.service], 32)}${r.title}`);
  }
  lines.push("", "National job profiles (NHS Job Evaluation)");
  for (const row of rows) {
    if (row.kind === "national-profile") lines.push(`  ${pad(row.id, 38)}band ${row.bandMin}–${row.bandMax}  ${row.title}`);
  }
  io.out(`${lines.join("\n")}\n`);
}

export function roleCommand(catalog: Catalog, args: readonly string[], json: boolean, io: CliIo): void {
  if (args.length !== 1) throw new UsageError(`usage: ${roleUsage}`);
  const query = args[0]!;
  const profile = catalog.nationalProfiles.find((p) => p.id === query.trim().toLowerCase());
  if (profile) {
    const p = nationalProfileJson(catalog, profile);
    if (json) return printJson(io, p);
    const lines = [
      `${p.title} (${p.id})`,
      `JE score ${p.score.min}–${p.score.max}, band ${p.band.min}–${p.band.max} (document: ${p.documentScore.min}–${p.documentScore.max}, band ${p.documentBand})`,
      "",
      ...p.factors.map((f) => `  ${String(f.factor).padStart(2)}. ${pad(f.name, 52)}level ${f.levelText}`),
      "",
      `Source: ${p.provenance.source} [${p.provenance.status}]`,
    ];
    io.out(`${lines.join("\n")}\n`);
    return;
  }
  let role;
  try {
    role = findRole(catalog.roles, query);
  } catch {
    throw notFound(`'${query}' is not a role or national profile in the catalog; 'wfp roles' lists them`);
  }
  const r = roleJson(catalog, role);
  if (json) return printJson(io, r);
  const lines = [
    `${r.title} (${r.id})`,
    `${r.serviceLabel} · Career Framework level ${r.careerFrameworkLevel}`,
    "",
    "Experience required:",
    ...r.experienceRequired.map((e) => `  - ${e}`),
  ];
  for (const section of ["core", "specific", "locality"] as const) {
    const entries = r.competences.filter((c) => c.section === section);
    if (entries.length === 0) continue;
    lines.push("", `${section === "core" ? "Core" : section === "specific" ? "Role-specific" : "Locality-specific"} competences (${entries.length}):`);
    let principle = "";
    let fn = "";
    for (const c of entries) {
      if (c.principle !== principle) {
        lines.push(`  ${c.principleCode}. ${c.principle}`);
        principle = c.principle;
        fn = "";
      }
      if (c.function !== fn) {
        lines.push(`    ${c.function}`);
        fn = c.function;
      }
      lines.push(`      - ${c.title}${c.code ? ` [${c.code}]` : ""}`);
    }
  }
  lines.push("", "Indicative learning and development:");
  for (const f of r.learning.formal) lines.push(`  formal:   ${f}`);
  for (const i of r.learning.informal) lines.push(`  informal: ${i}`);
  lines.push("", `Source: ${r.provenance.source}`);
  io.out(`${lines.join("\n")}\n`);
}
