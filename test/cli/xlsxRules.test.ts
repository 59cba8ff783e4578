import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { catalogJsonText } from "../../src/catalog/workbookCatalog";
import { importedRole } from "../../src/domain/import/toRole";
import { parseRoleProfileText } from "../../src/domain/import/roleProfileText";
import { type Rect, parseRange, rectsIntersect } from "../../src/sheets/plan";
import { wfp } from "../support/cli";
import { FUNDED_HEADERS, SMALL_FUNDED, SMALL_STAFF, STAFF_HEADERS, csvOf } from "../support/establishmentCase";
import { SEED_FILES, readSeed } from "../support/seeds";

/**
 * Every file `wfp` writes, read as XML: the SpreadsheetML rules Excel enforces on open (and "repairs" files that
 * break), which LibreOffice and exceljs's reader let pass.
 * - A table column whose totals function is "custom" carries its <totalsRowFormula> (ECMA-376 Part 1, 18.5.1.3:
 *   totalsRowFunction="custom" means "the formula in totalsRowFormula").
 * - No two data validations on a sheet cover one cell (Excel keeps one validation per cell: "Apply data validation
 *   to cells", support.microsoft.com; overlapping sqrefs are repaired away).
 * - A page set up to fit a number of pages wide or tall says so with <pageSetUpPr fitToPage="1"/> (18.3.1.65):
 *   without it Excel ignores fitToWidth/fitToHeight and prints at 100%.
 */
const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "wfp-xlsx-rules-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const TEAM = [
  "Post,Role,Band,Point,WTE,HCAS zone,Status",
  "Lead,RECONNECT Service Manager,8a,top,1,inner-london,In post",
  "Senior 1,RECONNECT Senior Engagement Worker,5,intermediate,1,none,In post",
  "Peer 1,RECONNECT Peer Support Worker,3,top,0.8,none,Vacant",
].join("\n");
const TEAM_B = [
  "Post,Role,Band,WTE",
  "Lead,RECONNECT Service Manager,8a,1",
  "Peer 1,RECONNECT Peer Support Worker,3,1",
  "Peer 2,Nurse*,5,0.5",
].join("\n");
// Adjacent competence columns with the same list, and a gap (a team's own competence) between runs.
const SKILLS = [
  "Name,Role,Band,WTE,Manage budgets,Communicate with people from vulnerable groups,Drive the minibus,Lead your team",
  "Lead,RECONNECT Service Manager,8a,1,Competent,Competent,,Developing",
  "Peer 1,RECONNECT Peer Support Worker,3,0.8,,Developing,Competent,",
  "Tay,Team Administrator,4,0.5,,,Not yet,",
].join("\n");

function catalogFile(): string {
  const text = readSeed(SEED_FILES["reconnect-peer-support-worker"]).replace("Named Role\tPeer Support Worker", "Named Role\tCommunity Link Worker");
  const { role, newCompetences } = importedRole(parseRoleProfileText(text), { competenceIndex: catalog.competenceIndex, principles: catalog.principles }, { id: "community-link-worker" });
  return file("mine.json", catalogJsonText({ roles: [role!], competences: newCompetences, locality: [] }, catalog));
}

const team = file("team.csv", TEAM);
const teamB = file("team-b.csv", TEAM_B);
const skills = file("skills.csv", SKILLS);
const mine = catalogFile();
const funded = file("funded.csv", csvOf(FUNDED_HEADERS, SMALL_FUNDED));
const staff = file("staff.csv", csvOf(STAFF_HEADERS, SMALL_STAFF));

const CASES: Record<string, string[]> = {
  "plan, no team": ["plan"],
  "plan --team": ["plan", "--team", team],
  "plan --team --compare": ["plan", "--team", team, "--compare", teamB, "--levy"],
  "matrix, no team": ["matrix"],
  "matrix --team --progression": ["matrix", "--team", skills, "--progression", "reconnect-peer-support-worker,reconnect-senior-engagement-worker"],
  "workbook, nothing": ["workbook"],
  "workbook --team": ["workbook", "--team", team],
  "workbook --team --skills": ["workbook", "--team", team, "--skills", skills],
  "workbook --catalog --skills": ["workbook", "--catalog", mine, "--skills", skills],
  // The other commands that write .xlsx, through the same writer.
  establishment: ["establishment", "--funded", funded, "--staff", staff, "--as-at", "2026-01-15"],
  forecast: ["forecast", "--team", team, "--years", "1", "--from", "2026"],
};

interface SheetXml {
  readonly name: string;
  readonly xml: string;
  readonly tables: string[];
}

/**
 * The package itself: every entry's CRC right (JSZip checks it), every part well-formed XML, and every part the
 * content types name present (ECMA-376 Part 2: a part without its content type, or a declared part missing, is a
 * corrupt package to Excel).
 */
async function packageFaults(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path), { checkCRC32: true });
  const faults: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    const text = await zip.file(name)!.async("string");
    try {
      new DOMParser({
        onError: (level, message) => {
          throw new Error(`${level}: ${message}`);
        },
      }).parseFromString(text, "text/xml");
    } catch (e) {
      faults.push(`${name}: ${(e as Error).message}`);
    }
  }
  const types = await zip.file("[Content_Types].xml")!.async("string");
  for (const m of types.matchAll(/<Override\b[^>]*\bPartName="\/([^"]*)"/g)) if (!zip.file(m[1]!)) faults.push(`${m[1]} is declared but missing`);
  return faults;
}

async function sheetsOf(path: string): Promise<SheetXml[]> {
  const zip = await JSZip.loadAsync(readFileSync(path), { checkCRC32: true });
  const text = async (name: string) => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`${path} has no ${name}`);
    return entry.async("string");
  };
  const book = await text("xl/workbook.xml");
  const targets = relationshipTargets(await text("xl/_rels/workbook.xml.rels"), "xl/");
  const sheets: SheetXml[] = [];
  for (const m of book.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"/g)) {
    const sheetPath = targets.get(m[2]!)!;
    const xml = await text(sheetPath);
    const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const rels = zip.file(relsPath) ? relationshipTargets(await text(relsPath), sheetPath.replace(/[^/]+$/, "")) : new Map<string, string>();
    const tables: string[] = [];
    for (const part of xml.matchAll(/<tablePart\b[^>]*\br:id="([^"]*)"/g)) tables.push(await text(rels.get(part[1]!)!));
    sheets.push({ name: m[1]!, xml, tables });
  }
  return sheets;
}

/** Relationship id → part path, resolved against the folder of the part that owns the relationships. */
function relationshipTargets(rels: string, base: string): Map<string, string> {
  const resolve = (target: string): string => {
    if (target.startsWith("/")) return target.slice(1);
    const parts = `${base}${target}`.split("/");
    const out: string[] = [];
    for (const p of parts) {
      if (p === "..") out.pop();
      else if (p !== ".") out.push(p);
    }
    return out.join("/");
  };
  return new Map([...rels.matchAll(/<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"/g)].map((m) => [m[1]!, resolve(m[2]!)]));
}

/** Each <tableColumn> with totalsRowFunction="custom" but no <totalsRowFormula>, as "table/column". */
function customTotalsWithoutFormula(tableXml: string): string[] {
  const table = /<table\b[^>]*?\bname="([^"]*)"/.exec(tableXml)?.[1] ?? "?";
  const bad: string[] = [];
  for (const m of tableXml.matchAll(/<tableColumn\b([^>]*?)(\/>|>([\s\S]*?)<\/tableColumn>)/g)) {
    const attributes = m[1]!;
    if (!/\btotalsRowFunction="custom"/.test(attributes)) continue;
    if (!/<totalsRowFormula\b[^>]*>[^<]+<\/totalsRowFormula>/.test(m[3] ?? "")) bad.push(`${table}/${/\bname="([^"]*)"/.exec(attributes)?.[1]}`);
  }
  return bad;
}

/** Every pair of validation ranges on the sheet that share a cell (within one rule or across two). */
function overlappingValidations(sheetXml: string): string[] {
  const ranges: { rule: number; address: string; rect: Rect }[] = [];
  [...sheetXml.matchAll(/<dataValidation\b[^>]*?\bsqref="([^"]*)"/g)].forEach((m, rule) => {
    for (const address of m[1]!.trim().split(/\s+/)) ranges.push({ rule, address, rect: parseRange(address) });
  });
  const overlaps: string[] = [];
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      if (rectsIntersect(ranges[i]!.rect, ranges[j]!.rect)) overlaps.push(`${ranges[i]!.address} ∩ ${ranges[j]!.address}`);
    }
  }
  return overlaps;
}

/** A page setup fitting to pages wide or tall, on a sheet whose properties do not turn fitToPage on. */
function fitWithoutFitToPage(sheetXml: string): boolean {
  const pageSetup = /<pageSetup\b[^>]*>/.exec(sheetXml)?.[0] ?? "";
  const fits = /\bfitTo(Width|Height)="/.test(pageSetup);
  const fitToPage = /<sheetPr\b[^>]*>[\s\S]*?<pageSetUpPr\b[^>]*\bfitToPage="(1|true)"[\s\S]*?<\/sheetPr>/.test(sheetXml);
  return fits && !fitToPage;
}

describe("files wfp writes open in Excel without repair", () => {
  it.each(Object.entries(CASES))("%s", async (label, argv) => {
    const out = join(dir, `${label.replace(/[^a-z]+/gi, "-")}.xlsx`);
    const result = await wfp(...argv, "--out", out);
    expect(result.stderr).not.toMatch(/^wfp: (?!note)/m);
    expect(result.code).toBe(0);
    const sheets = await sheetsOf(out);
    expect(sheets.length).toBeGreaterThan(0);
    const findings = sheets.flatMap((s) => [
      ...s.tables.flatMap(customTotalsWithoutFormula).map((c) => `${s.name}: custom totals without a formula in ${c}`),
      ...overlappingValidations(s.xml).map((o) => `${s.name}: validations overlap ${o}`),
      ...(fitWithoutFitToPage(s.xml) ? [`${s.name}: fits to pages without fitToPage`] : []),
    ]);
    expect(findings).toEqual([]);
    expect(await packageFaults(out)).toEqual([]);
  }, 60_000);

  it("checks what it claims: the rules find the faults they describe", () => {
    const table = `<table name="T"><tableColumns count="2"><tableColumn id="1" name="A" totalsRowFunction="custom"/><tableColumn id="2" name="B" totalsRowFunction="custom"><totalsRowFormula>SUM(T[B])</totalsRowFormula></tableColumn></tableColumns></table>`;
    expect(customTotalsWithoutFormula(table)).toEqual(["T/A"]);
    expect(overlappingValidations(`<dataValidation type="list" sqref="K11:DU14"/><dataValidation type="list" sqref="AA11:DU14"/>`)).toEqual(["K11:DU14 ∩ AA11:DU14"]);
    expect(overlappingValidations(`<dataValidation type="list" sqref="K11:Z14 AA11:DU14"/>`)).toEqual([]);
    expect(fitWithoutFitToPage(`<sheetPr><tabColor rgb="FF000000"/></sheetPr><pageSetup fitToWidth="1" fitToHeight="0"/>`)).toBe(true);
    expect(fitWithoutFitToPage(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><pageSetup fitToWidth="1" fitToHeight="0"/>`)).toBe(false);
  });
});
