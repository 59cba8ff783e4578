/**
 * The words the Skill mix tab uses: which sheet is being written, what each sheet's write did, what a register
 * build changed (people added, back, gone; competences added, dropped) and what needs the user's eye. Pure.
 */
import { DomainError } from "../../domain";
import type { SkillMixOutcome } from "../../workbook/skillMix";
import { SKILL_MIX_KEYS } from "../../sheets/skillMix";
import { type ConflictResult, type Message, type WrittenResult, describeConflict, describeError, describeWritten, newSheetResolves } from "../writing/describeWrite";
import type { JobReport, SheetProgress, SheetResult, SheetsJob, SheetsJobOptions, SheetsWords } from "../writing/useSheetsWriter";
import type { WorkbookAdapter } from "../../excel/adapter";

const q = (text: string): string => `“${text}”`;

const SHEETS: Record<string, { name: string; noun: string }> = {
  [SKILL_MIX_KEYS.roleMatrix]: { name: "Role matrix", noun: "role matrix" },
  [SKILL_MIX_KEYS.teamSkills]: { name: "Team skills", noun: "team skills register" },
  [SKILL_MIX_KEYS.removed]: { name: "Left the team", noun: "list of people who left" },
  [SKILL_MIX_KEYS.summary]: { name: "Skill mix summary", noun: "skill mix summary" },
  [SKILL_MIX_KEYS.trainingNeeds]: { name: "Training needs", noun: "training needs" },
};
const PROGRESSION = { name: "Progression", noun: "progression" };

/** The sheet a key is written to (before the write says where it went), and a noun for messages. */
export function sheetOf(key: string): { name: string; noun: string } {
  return SHEETS[key] ?? (key.startsWith("skill-mix:progression:") ? PROGRESSION : { name: key, noun: "sheet" });
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "Ana, Ben and Cy"; past `max`, "… and 4 more". */
export function nameList(names: readonly string[], max = 5): string {
  if (names.length <= 1) return names.join("");
  if (names.length > max) return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** One line per written sheet: "Created sheet “Team skills”." (with the why when it landed elsewhere). */
export function sheetLines(results: readonly SheetResult[]): string[] {
  const lines: string[] = [];
  for (const { key, result } of results) {
    if (result.status !== "written") continue;
    const message = describeWritten(sheetOf(key).noun, result as WrittenResult);
    const unusual = result.renamedFrom !== undefined || result.supersededSheet !== undefined || (result.avoidedConflicts?.length ?? 0) > 0;
    lines.push(unusual ? `${message.title}. ${message.lines.join(" ")}` : `${message.title}.`);
  }
  return lines;
}

/** What a register build changed, and what it could not decide for the user. */
export function describeRebuild(outcome: Pick<SkillMixOutcome, "people" | "competences" | "rebuild">): { lines: string[]; review: string[] } {
  const r = outcome.rebuild;
  const lines = [`${plural(outcome.people, "person", "people")} on the register, ${plural(outcome.competences, "competence")}.`];
  if (r.added.length > 0) lines.push(`Added ${plural(r.added.length, "person", "people")}: ${nameList(r.added)}.`);
  if (r.restored.length > 0) lines.push(`Back on the team, with their statuses: ${nameList(r.restored)}.`);
  if (r.newlyRemoved.length > 0) {
    lines.push(`Removed ${plural(r.newlyRemoved.length, "person", "people")}: ${nameList(r.newlyRemoved)}. They are listed with their statuses on the “Left the team” sheet, not dropped.`);
  }
  if (r.added.length + r.restored.length + r.newlyRemoved.length === 0) lines.push("No one added or removed.");
  // On a first build every competence is new: the count above says it all.
  if (r.addedCompetences.length > 0 && r.addedCompetences.length < outcome.competences) {
    lines.push(`Competences added: ${r.addedCompetences.length} (${nameList(r.addedCompetences, 2)}).`);
  }
  if (r.droppedCompetences.length > 0) {
    lines.push(`Competences dropped: ${r.droppedCompetences.length}, as no role on the team needs them and nobody had a status there (${nameList(r.droppedCompetences, 2)}).`);
  }
  if (r.unlistedCompetences.length > 0) {
    lines.push(`Kept though no role on the team lists them, as someone has a status there: ${nameList(r.unlistedCompetences, 2)}.`);
  }

  const review: string[] = [];
  for (const p of r.reviewNeeded) {
    const parts: string[] = [];
    if (p.markedNotRequired.length > 0) parts.push(`${plural(p.markedNotRequired.length, "competence")} the new role needs marked Not required`);
    if (p.stillRecorded.length > 0) parts.push(`${plural(p.stillRecorded.length, "competence")} it does not list still with a status`);
    review.push(`${p.name}'s role changed: ${parts.join("; ")}.`);
  }
  for (const u of r.unknownRoles) {
    review.push(
      u.role.trim() === ""
        ? `${u.name} has no role: give one in the register's Role column.`
        : `${u.name}: '${u.role}' is not a catalog role; mark what it does not need Not required.`,
    );
  }
  const odd = r.unrecognised;
  for (const u of odd.slice(0, 5)) review.push(`${u.name}, ${q(u.competence)}: '${u.text}' is not a status; kept as typed.`);
  if (odd.length > 5) review.push(`And ${plural(odd.length - 5, "more cell")} whose text is not a status: see the register's Check column.`);
  return { lines, review };
}

/** A register built from the staffing plan: people are its posts, and its vacant posts are left out — said, not silent. */
export function fromPlanLines(source: string, vacancies: readonly string[]): string[] {
  if (source !== "staffingPlan") return [];
  const lines = ["From the staffing plan: each post in post is one person, named by its post. To use people's names, build from a list, or rename them in the register and rebuild from the register as it is."];
  if (vacancies.length > 0) lines.push(`Left out, as vacant: ${plural(vacancies.length, "post")} (${nameList(vacancies)}).`);
  return lines;
}

/** At a conflict: what is in the way, what was written before it, and what was not. */
export function describeRunConflict(written: readonly SheetResult[], conflict: SheetResult, count: number): Message {
  const result = conflict.result as ConflictResult;
  const lines = result.conflicts.map(describeConflict);
  const done = sheetLines(written);
  if (done.length > 0) lines.push(`Already written: ${done.join(" ")}`);
  const after = count - written.length - 1;
  const notWritten = after > 0 ? `${q(result.sheetName)} and the ${plural(after, "sheet")} after it were not written` : `${q(result.sheetName)} was not written`;
  lines.push(
    newSheetResolves(result)
      ? `${notWritten}. Write the ${sheetOf(conflict.key).noun} to a new sheet instead, or cancel and move your data first.`
      : `${notWritten}. Rename or remove what uses that name, then try again.`,
  );
  return { title: `Your data is on ${q(result.sheetName)}`, lines };
}

export function describeRunCancelled(written: readonly SheetResult[]): Message {
  const done = sheetLines(written);
  return done.length === 0
    ? { title: "Cancelled", lines: ["Nothing was written; your data is as it was."] }
    : { title: "Cancelled", lines: [...done, "Nothing else was written; your data is as it was."] };
}

/** A failure: before any sheet (the team could not be read: nothing written), or while writing one. */
export function describeRunError(written: readonly SheetResult[], key: string | null, error: unknown): Message {
  const done = sheetLines(written);
  if (key === null || error instanceof DomainError) {
    const text = error instanceof Error ? error.message : String(error);
    const lines = [`${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? "" : "."}`];
    if (done.length > 0) lines.push(`Written before it: ${done.join(" ")}`);
    return { title: done.length > 0 ? "Stopped" : "Nothing was written", lines };
  }
  const sheet = sheetOf(key);
  const message = describeError(sheet.noun, sheet.name, error);
  return done.length > 0 ? { title: message.title, lines: [...message.lines, `Written before it: ${done.join(" ")}`] } : message;
}

/** The running job's label and how far it is, all sheets together (0 to 1). */
export function progressOf(state: Pick<SheetProgress, "key" | "index" | "count" | "done" | "total">): { label: string; value: number | undefined } {
  if (state.key === null) return { label: "Reading the workbook…", value: undefined };
  const of = state.count > 1 ? ` (sheet ${state.index} of ${state.count})` : "";
  const within = state.total > 0 ? state.done / state.total : 0;
  return { label: `Writing “${sheetOf(state.key).name}”${of}…`, value: (state.index - 1 + within) / Math.max(1, state.count) };
}

/** The Skill mix tab's words: a progress bar naming the sheet (n of N), then what the run did and each sheet. */
export const skillMixWords: SheetsWords = {
  progressBar: true,
  progress: progressOf,
  written: (state) => ({ title: state.job.title, lines: [...(state.report.lines ?? []), ...sheetLines(state.written)] }),
  conflict: (state) => describeRunConflict(state.written, state.conflict, state.count),
  cancelled: (state) => {
    const message = describeRunCancelled(state.written);
    return state.written.length > 0 ? { ...message, lines: [...(state.report.lines ?? []), ...message.lines] } : message;
  },
  // A failure while a sheet was being written names it; one after (or before any) is the flow's own.
  error: ({ written, failed, error }) => describeRunError(written, failed && !failed.written ? failed.key : null, error),
};

/** What a run did besides its sheets, and what needs the user's eye (shown as a warning beside the outcome). */
export function runReport(lines: readonly string[], review: readonly string[] = []): JobReport {
  return review.length > 0 ? { lines, warnings: { title: "Needs review", lines: review } } : { lines };
}

/**
 * One of the skill-mix flows (buildRoleMatrix, buildSkillMix, buildProgression) as a job. A retry after a conflict
 * keeps the first run's report (who was added…): the second run reads the register the first one wrote, so it
 * would find nobody new.
 */
export function skillMixJob(title: string, run: (workbook: WorkbookAdapter, options: SheetsJobOptions) => Promise<JobReport>): SheetsJob {
  return { title, keepsFirstReport: true, words: skillMixWords, run };
}
