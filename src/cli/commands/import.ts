import { extname } from "node:path";
import { type Catalog, catalogWith } from "../../catalog";
import { invalid } from "../../domain";
import { parseRoleProfileText } from "../../domain/import/roleProfileText";
import { importedRole, missingFromRole } from "../../domain/import/toRole";
import { decodeText } from "../../input";
import { readInputBytes } from "../files";
import { parseNationalProfilesText } from "../../domain/import/nationalProfileText";
import { type CliIo, UsageError, printJson } from "../io";
import { nationalProfileJson, roleJson } from "../roleJson";

export const importUsage = "wfp import <file.txt|file.pdf> [--json] [--id role-id]";

export const importOptions = { id: { type: "string" } } as const;

export interface ImportFlags {
  id?: string;
}

/**
 * The text of a role-profile document: a text file in any encoding the input reader knows, a .pdf through pdf.js
 * (see readPdfText). A document that cannot be read says why: empty, a Word file, an image, a damaged PDF.
 */
export async function documentText(path: string): Promise<string> {
  const bytes = readInputBytes(path);
  if (bytes.length === 0) throw invalid(`${path} is empty`);
  const extension = extname(path).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (extension === ".docx" || extension === ".doc" || extension === ".rtf" || extension === ".odt") {
    throw invalid(`${path}: Word files are not supported — save as PDF or text`);
  }
  const isPdf = Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-");
  if (extension === ".pdf" || isPdf) {
    if (!isPdf) {
      // Say what it is instead (an image renamed .pdf, a Word file), without echoing its bytes.
      if (isZip) throw invalid(`${path} is not a PDF: it looks like a Word or Excel file (a zip); Word files are not supported — save as PDF or text`);
      decodeText(bytes, path);
      throw invalid(`${path} is not a PDF: it has no PDF header (is it a text file renamed .pdf?)`);
    }
    const { readPdfText } = await import("../pdfText");
    let text: string;
    try {
      text = await readPdfText(bytes);
    } catch (e) {
      throw invalid(`${path} is not a readable PDF (damaged or cut short?): ${(e as Error).message.split("\n")[0]}`);
    }
    if (text.trim() === "") throw invalid(`${path} has no text to read (a scanned image?): save it with its text, or as text`);
    return text;
  }
  return decodeText(bytes, path).text;
}

/**
 * `wfp import <file> --json` → `{role, problems}`: the parsed role in the shape `wfp role <id> --json` prints, each
 * problem as `{line, text, reason}`. A file that is no role profile (or lacks what a role needs) exits non-zero.
 */
export async function importCommand(catalog: Catalog, args: readonly string[], flags: ImportFlags, json: boolean, io: CliIo): Promise<void> {
  if (args.length !== 1) throw new UsageError(`usage: ${importUsage}`);
  const path = args[0]!;
  const text = await documentText(path);
  if (/^Profile Suite and Label\t/m.test(text)) return importNationalProfiles(catalog, text, json, io);
  const knownTitles = catalog.competences.flatMap((c) => [c.title, ...c.aliases]);
  const parsed = parseRoleProfileText(text, { knownTitles });
  const imported = importedRole(
    parsed,
    {
      competenceIndex: catalog.competenceIndex,
      principles: catalog.principles,
      knownLearning: catalog.roles.flatMap((r) => [...r.learning.formal, ...r.learning.informal]),
    },
    flags.id ? { id: flags.id } : {},
  );
  if (!imported.role) {
    if (json) printJson(io, { role: null, problems: imported.problems });
    throw invalid(`${path} could not be read as a role: ${imported.problems.map((p) => p.reason).join("; ")}`);
  }
  const missing = missingFromRole(imported.role);
  if (missing.length > 0) {
    if (json) printJson(io, { role: null, problems: imported.problems, missing });
    throw invalid(`${path} is not a complete role profile: it has no ${missing.join(", no ")}${imported.problems.length > 0 ? ` (and ${imported.problems.length} problem(s); --json lists them)` : ""}`);
  }
  const extended = catalogWith(catalog, { roles: [imported.role], competences: imported.newCompetences });
  const role = roleJson(extended, imported.role);
  if (json) {
    printJson(io, { role, problems: imported.problems });
    return;
  }
  const counts = (section: string) => role.competences.filter((c) => c.section === section).length;
  const lines = [
    `${role.title} (${role.id}): ${role.serviceLabel}, Career Framework level ${role.careerFrameworkLevel}`,
    `  ${counts("core")} core and ${counts("specific")} role-specific competences; ${imported.newCompetences.length} not in the catalog`,
    ...(imported.problems.length === 0
      ? ["  read with no problems"]
      : [`  ${imported.problems.length} problem(s) to check:`, ...imported.problems.map((p) => `    line ${p.line}: ${p.reason}${p.text ? ` — ${p.text}` : ""}`)]),
  ];
  io.out(`${lines.join("\n")}\n`);
}

/**
 * An NHS national job profile document: each profile's factors and levels, its score and band range computed from
 * the levels, and a problem wherever that differs from the range the document states.
 */
function importNationalProfiles(catalog: Catalog, text: string, json: boolean, io: CliIo): void {
  const { profiles, problems } = parseNationalProfilesText(text, catalog.jeScheme);
  if (profiles.some((p) => p.evaluation === null)) {
    if (json) printJson(io, { profiles: null, problems });
    throw invalid(`a national profile could not be scored: ${problems.map((p) => p.reason).join("; ")}`);
  }
  const shown = profiles.map(({ profile }) => nationalProfileJson(catalog, profile));
  if (json) {
    printJson(io, { profiles: shown, problems });
    return;
  }
  const lines = shown.map(
    (p) =>
      `${p.title}: document ${p.documentScore.min}–${p.documentScore.max} (band ${p.documentBand}); computed ${p.score.min}–${p.score.max}, band ${p.band.min}–${p.band.max}${p.matchesDocument ? "" : "  ← MISMATCH"}`,
  );
  for (const pr of problems) lines.push(`  line ${pr.line}: ${pr.reason}`);
  io.out(`${lines.join("\n")}\n`);
}
