import type { Catalog } from "../catalog";
import {
  type PreviousRegister,
  type PreviousRow,
  type RegisterCell,
  type TeamMember,
  checkUniqueColumns,
  checkUniqueNames,
  parseSkillStatus,
  registerColumn,
  statusCell,
} from "../domain";
import { bandCell, dateCell, textCell, wteCell } from "./cells";
import { type ColumnSpecs, column, readColumns } from "./columns";
import { parseCsv } from "./csv";
import { decodeText } from "./decode";

/** The person columns of a team skills CSV; every other column is a competence. */
export const SKILLS_PERSON_COLUMNS = {
  name: column("Name", { synonyms: ["Person", "Pseudonymous id", "Id", "Post"], read: textCell, required: true }),
  role: column("Role", { synonyms: ["Job title"], read: textCell, blank: "" }),
  band: column<TeamMember["band"]>("Band", { synonyms: ["Pay band", "Grade"], read: bandCell, blank: null }),
  wte: column("WTE", { synonyms: ["FTE", "Contracted WTE", "Contracted FTE"], read: wteCell, blank: 1 }),
  reviewDate: column<string | null>("Review date", { synonyms: ["Reviewed", "Date reviewed"], read: dateCell, blank: null }),
} satisfies ColumnSpecs;

export interface TeamSkillsCsv {
  readonly team: TeamMember[];
  /** The register as the CSV gives it: its competence columns and each person's statuses. */
  readonly previous: PreviousRegister;
  readonly warnings: readonly string[];
}

/**
 * Reads a team skills CSV: name, role, band and WTE, then one column per competence (a catalog title, alias or id,
 * or a competence of the team's own) with a status per person. A status that is no status, a duplicate name or
 * two columns for one competence are refused, naming the line and column.
 */
export function readTeamSkillsCsv(catalog: Catalog, text: string, source: string): TeamSkillsCsv {
  const table = readColumns(parseCsv(text, source), SKILLS_PERSON_COLUMNS, { others: "keep" });
  const competenceColumns = table.others.filter((o) => o.header !== "");
  const competences = competenceColumns.map((o) => registerColumn(catalog, o.header));
  checkUniqueColumns(competences);

  const team: TeamMember[] = [];
  const previousRows: PreviousRow[] = [];
  for (const row of table.rows) {
    const { name, role, band, wte, reviewDate } = row.values;
    const member: TeamMember = { name, role, band, wte };
    const statuses = new Map<string, RegisterCell>();
    competenceColumns.forEach((o, c) => {
      let status;
      try {
        status = parseSkillStatus(row.record.cells[o.index] ?? "");
      } catch (e) {
        throw table.error(row, o.header, (e as Error).message);
      }
      if (status !== null) statuses.set(competences[c]!.key, statusCell(status));
    });
    team.push(member);
    previousRows.push({ person: { ...member, reviewDate }, statuses, removed: false });
  }
  checkUniqueNames(
    team.map((m) => m.name),
    (i) => `${source} line ${table.rows[i]!.line}`,
  );
  return { team, previous: { competences, rows: previousRows }, warnings: table.warnings };
}

/** readTeamSkillsCsv over a file's bytes (any supported encoding). */
export function readTeamSkillsFile(catalog: Catalog, bytes: Uint8Array, source: string): TeamSkillsCsv {
  return readTeamSkillsCsv(catalog, decodeText(bytes, source).text, source);
}
