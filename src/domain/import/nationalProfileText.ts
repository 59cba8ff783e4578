import { invalid } from "../errors";
import { type JeScheme, parseJeLevel } from "../je";
import { type NationalProfile, type NationalProfileFactor, type ProfileEvaluation, evaluateProfile } from "../nationalProfile";
import type { Provenance } from "../provenance";
import { slugify } from "../text";
import type { ImportProblem } from "./roleProfileTypes";

export interface ParsedNationalProfile {
  profile: NationalProfile;
  /** The score and band range computed from the levels, and whether they equal the document's own. */
  evaluation: ProfileEvaluation | null;
}

export interface ParsedNationalProfiles {
  profiles: ParsedNationalProfile[];
  problems: ImportProblem[];
}

const FACTOR_ROW = /^(\d{1,2})\.\t([^\t]+)\t([^\t]*)\t([^\t]*)\t([^\t]*)$/;
const SCORE_ROW = /^JE Score\s+(\d+)\s*[-–]\s*(\d+)\t+Band\s+([^\t]+)/;

/**
 * Reads NHS Job Evaluation national profiles as extracted text (one or more "Profile Suite and Label" blocks, each
 * with 16 factor rows and a "JE Score a-b … Band x" row), scores each from its levels and flags a profile whose
 * computed range differs from the range the document states.
 */
export function parseNationalProfilesText(text: string, scheme: JeScheme, provenance?: Provenance): ParsedNationalProfiles {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ").split("\n");
  const starts = lines.flatMap((l, i) => (l.startsWith("Profile Suite and Label\t") ? [i] : []));
  if (starts.length === 0) throw invalid("This text is not an NHS national job profile: it has no 'Profile Suite and Label' row.");
  const problems: ImportProblem[] = [];
  const profiles: ParsedNationalProfile[] = [];
  const usedIds = new Set<string>();
  starts.forEach((start, p) => {
    const end = starts[p + 1] ?? lines.length;
    const title = lines[start]!.split("\t")[1]!.trim();
    const factors: NationalProfileFactor[] = [];
    let jobStatement: string[] = [];
    let documentScore: { min: number; max: number } | null = null;
    let documentBand = "";
    for (let i = start + 1; i < end; i++) {
      const line = lines[i]!;
      const lineNo = i + 1;
      if (line.startsWith("Job Statement\t")) {
        jobStatement = line.slice("Job Statement\t".length).split(/\s*\d\.\s+/).map((s) => s.trim()).filter((s) => s !== "");
        continue;
      }
      const factor = FACTOR_ROW.exec(line);
      if (factor) {
        const number = Number(factor[1]);
        const levelText = factor[4]!.trim();
        try {
          const range = parseJeLevel(levelText);
          const top = scheme.factors[number - 1]?.levelScores.length ?? 0;
          if (range.max > top) throw new Error(`factor ${number} has levels 1–${top}`);
          factors.push({ factor: number, descriptor: factor[3]!.trim(), levelText, scoreText: factor[5]!.trim() });
        } catch (e) {
          problems.push({ line: lineNo, text: line, reason: `factor ${number}: ${(e as Error).message}` });
        }
        continue;
      }
      const score = SCORE_ROW.exec(line);
      if (score) {
        documentScore = { min: Number(score[1]), max: Number(score[2]) };
        documentBand = score[3]!.trim();
      }
    }
    const missing = scheme.factors.map((f) => f.number).filter((n) => !factors.some((f) => f.factor === n));
    if (missing.length > 0) problems.push({ line: start + 1, text: title, reason: `profile ${p + 1} has no readable level for factor(s) ${missing.join(", ")}` });
    if (!documentScore) problems.push({ line: start + 1, text: title, reason: `profile ${p + 1} states no JE score range` });
    const band = documentBand.replace(/\s+/g, "").toLowerCase();
    let id = slugify(`${title} ${band}`) || `profile-${p + 1}`;
    for (let n = 2; usedIds.has(id); n++) id = `${slugify(`${title} ${band}`)}-${n}`;
    usedIds.add(id);
    const profile: NationalProfile = {
      id,
      title,
      jobStatement,
      factors,
      documentScore: documentScore ?? { min: 0, max: 0 },
      documentBand,
      provenance: provenance ?? { source: `Imported national profile: ${title}`, year: "undated", status: "secondary" },
    };
    const evaluation = missing.length === 0 && documentScore ? evaluateProfile(scheme, profile) : null;
    if (evaluation && !evaluation.matchesDocument) {
      problems.push({
        line: start + 1,
        text: title,
        reason: `the levels score ${evaluation.min}–${evaluation.max}, but the document states ${documentScore!.min}–${documentScore!.max}`,
      });
    }
    profiles.push({ profile, evaluation });
  });
  return { profiles, problems };
}
