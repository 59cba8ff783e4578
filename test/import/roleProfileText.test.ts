import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/errors";
import { matchPrinciple } from "../../src/domain/import/principles";
import {
  type ParsedCompetenceLine,
  type ParsedRoleProfile,
  parseRoleProfileText,
} from "../../src/domain/import/roleProfileText";

const SEEDS = new URL("../fixtures/seeds/", import.meta.url);

/** A seed document by its number ("000"); the file names carry a hash after it. */
function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(`${prefix}_`));
  if (name === undefined) throw new Error(`no seed document ${prefix}`);
  return readFileSync(new URL(name, SEEDS), "utf8");
}

const count = (profile: ParsedRoleProfile, section: ParsedCompetenceLine["section"]): number =>
  profile.competences.filter((c) => c.section === section).length;

/** The competences read on one line of the input (two where a cell held two titles). */
const atLine = (profile: ParsedRoleProfile, line: number): ParsedCompetenceLine[] =>
  profile.competences.filter((c) => c.line === line);

function oneAt(profile: ParsedRoleProfile, line: number): ParsedCompetenceLine {
  const found = atLine(profile, line);
  expect(found).toHaveLength(1);
  return found[0] as ParsedCompetenceLine;
}

const reasons = (profile: ParsedRoleProfile): string[] => profile.problems.map((p) => p.reason);

/** The result without line numbers, which blank lines added to the input rightly shift. */
function withoutLineNumbers(profile: ParsedRoleProfile): unknown {
  return {
    ...profile,
    competences: profile.competences.map(({ line: _line, ...rest }) => rest),
    problems: profile.problems.map(({ line: _line, ...rest }) => rest),
  };
}

/** The document with its lines [from, to] (1-based, inclusive) only. */
function lines(text: string, from: number, to: number): string {
  return text.split("\n").slice(from - 1, to).join("\n");
}

describe("000 RECONNECT Service Manager", () => {
  const profile = parseRoleProfileText(seed("000"));

  it("reads the basic information", () => {
    expect(profile.title).toBe("Service Manager");
    expect(profile.areaOfWork).toBe("RECONNECT and/or Enhanced RECONNECT");
    expect(profile.careerFrameworkLevel).toBe(7);
    expect(profile.experienceRequired).toEqual([
      "Experience working in the criminal justice system and/or secure settings.",
      "Experience of working with high-risk individuals and those with complex needs.",
      "Ability to understand how to access services and the best action to take.",
      "Experience of managing people and of contributing to or running an Operational service.",
      "Where this is an Enhanced RECONNECT service, experience of working within a service with high-risk individuals is required.",
      "DBS clearance or vetting, where appropriate.",
    ]);
  });

  it("reads the level descriptor and the scope up to the 'All level 7 roles' sentence", () => {
    const paragraphs = profile.levelDescriptor.split("\n\n");
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^People at level 7 of the career framework have a critical awareness/);
    expect(paragraphs[2]).toMatch(/interpreted or contextualised at a local level\.$/);
    expect(profile.scope).toHaveLength(2);
    expect(profile.scope[0]).toMatch(/^The scope of this role is to deliver a high quality RECONNECT/);
    expect(profile.scope[1]).toMatch(/^Multi-agency working/);
  });

  it("counts 21 core, 39 specific and no locality competences, with nothing left over", () => {
    expect(count(profile, "core")).toBe(21);
    expect(count(profile, "specific")).toBe(39);
    expect(count(profile, "locality")).toBe(0);
    expect(profile.problems).toEqual([]);
  });

  it("reads a row shifted left with its last cell empty as function and competence (line 134)", () => {
    expect(oneAt(profile, 134)).toEqual({
      section: "core",
      principleCode: "2",
      principleText: "2. Personal and People Development",
      function: "Support the development of knowledge and practice of individuals",
      title: "Take responsibility for the continuing professional development of yourself and others",
      line: 134,
    });
  });

  it("continues the principle of a shifted row (line 178, Quality)", () => {
    expect(oneAt(profile, 178)).toMatchObject({
      section: "specific",
      principleCode: "5",
      principleText: "Quality",
      function: "Facilitate the audit/inspection process",
      title: "Facilitate the clinical audit process",
    });
  });

  it("carries principle and function across a repeated table header (line 143 after 142)", () => {
    expect(oneAt(profile, 143)).toMatchObject({
      principleCode: "5",
      principleText: "5. Quality",
      function: "Manage and organise your own time and activities",
      title: "Manage and organise your own time and activities",
    });
  });

  it("reads the 4-column table (lines 186–197)", () => {
    expect(oneAt(profile, 186)).toMatchObject({
      principleCode: "H",
      principleText: "Management and Administration",
      function: "Management",
      title: "Provide leadership to your team",
    });
    expect(oneAt(profile, 188)).toMatchObject({
      principleCode: "H",
      function: "Manage and work with people",
      title: "Develop and sustain collaborative relationships with departments and other organisations",
    });
    expect(oneAt(profile, 189)).toMatchObject({
      function: "Manage and work with people",
      title: "Lead meetings to achieve objectives",
    });
    expect(oneAt(profile, 190)).toMatchObject({
      function: "Manage and work with people",
      title: "Represent one's own agency at other agencies' meetings",
    });
    expect(oneAt(profile, 196)).toMatchObject({
      function: "Manage and improve organisational performance",
      title: "Manage information governance in a health context",
    });
    expect(oneAt(profile, 197)).toMatchObject({
      principleCode: "H",
      function: "Recruit, select and retain colleagues",
      title: "Recruit, induct and retain employees into their roles",
    });
  });

  it("normalises the principles of both tables to codes", () => {
    const codes = (section: string): string[] => [
      ...new Set(profile.competences.filter((c) => c.section === section).map((c) => c.principleCode)),
    ];
    expect(codes("core")).toEqual(["1", "2", "3", "4", "5", "6", "B", "D", "H"]);
    expect(codes("specific")).toEqual(["1", "2", "3", "4", "5", "B", "D", "F", "H"]);
    expect(oneAt(profile, 180).principleText).toBe(
      "Information Management/Information and Communication Technology",
    );
  });

  it("reads learning from the Indicative Learning table, not the CPD table, and keeps run-together items whole", () => {
    expect(profile.learning.formal).toEqual(["Registration and/or relevant qualifications"]);
    expect(profile.learning.informal).toHaveLength(1);
    expect(profile.learning.informal[0]).toMatch(/^Statutory\/Mandatory training within the service Equality/);
    expect(profile.learning.informal[0]).toMatch(/CSE PREVENT$/);
  });
});

describe("001 Liaison and Diversion Operational/Service Manager", () => {
  const text = seed("001");
  const profile = parseRoleProfileText(text);
  const JOINED = "Monitor your own work practices Develop your practice through reflection and learning";

  it("reads the basic information, splitting plain experience text into sentences", () => {
    expect(profile.title).toBe("Liaison and Diversion Service Operational/Service Manager");
    expect(profile.areaOfWork).toBe("Liaison and Diversion Service");
    expect(profile.careerFrameworkLevel).toBe(7);
    expect(profile.experienceRequired).toEqual([
      "Experience of managing people and of contributing to or running an Operational service.",
      "DBS clearance or vetting, where appropriate.",
    ]);
    expect(profile.scope).toHaveLength(3);
  });

  it("without known titles keeps the two-competence cell whole and reports it (line 132)", () => {
    expect(count(profile, "core")).toBe(20);
    expect(count(profile, "specific")).toBe(36);
    expect(oneAt(profile, 132)).toMatchObject({ function: "Reflect on your own practice", title: JOINED });
    expect(profile.problems).toEqual([
      {
        line: 132,
        text: `\tReflect on your own practice\t${JOINED}`,
        reason: "cell may hold two competences; kept as one (give knownTitles to split it)",
      },
    ]);
  });

  it("with known titles splits the cell into two competences on the same line", () => {
    const split = parseRoleProfileText(text, {
      knownTitles: ["Monitor your own work practices", "develop your practice through reflection and learning"],
    });
    expect(count(split, "core")).toBe(21);
    expect(atLine(split, 132)).toEqual([
      {
        section: "core",
        principleCode: "2",
        principleText: "2. Personal and People Development",
        function: "Reflect on your own practice",
        title: "Monitor your own work practices",
        line: 132,
      },
      {
        section: "core",
        principleCode: "2",
        principleText: "2. Personal and People Development",
        function: "Reflect on your own practice",
        title: "Develop your practice through reflection and learning",
        line: 132,
      },
    ]);
    expect(split.problems).toEqual([]);
  });

  it("does not split when only one half is a known title", () => {
    const kept = parseRoleProfileText(text, { knownTitles: ["Monitor your own work practices"] });
    expect(oneAt(kept, 132).title).toBe(JOINED);
    expect(reasons(kept)).toEqual(["cell may hold two competences but is not two known titles; kept as one"]);
  });

  it("gives a reference function that lands after its competence to that competence (lines 196–197)", () => {
    expect(oneAt(profile, 195)).toMatchObject({ function: "Manage a budget", title: "Manage budgets" });
    expect(oneAt(profile, 196)).toMatchObject({
      principleCode: "H",
      function: "Present information to courts and formal hearings",
      title: "Obtain, analyse and provide information required for courts and formal hearings",
    });
    expect(atLine(profile, 197)).toEqual([]);
  });

  it("reads the row whose function is in the first column (line 133, no shift) and the C and F principles", () => {
    expect(oneAt(profile, 133)).toMatchObject({
      principleCode: "2",
      function: "Support the development of knowledge and practice of individuals",
    });
    expect(oneAt(profile, 175)).toMatchObject({ principleCode: "C", principleText: "C. Health Promotion and Protection" });
    expect(oneAt(profile, 182)).toMatchObject({ principleCode: "F", function: "Act on research and development findings" });
  });

  it("reads an empty Formal endorsed learning row as no items", () => {
    expect(profile.learning.formal).toEqual([]);
    expect(profile.learning.informal).toHaveLength(1);
  });
});

describe("002 RECONNECT Senior Engagement Worker", () => {
  const profile = parseRoleProfileText(seed("002"));

  it("reads the basic information with bullet experience items", () => {
    expect(profile.title).toBe("Senior Engagement Worker");
    expect(profile.areaOfWork).toBe("RECONNECT/ Enhanced RECONNECT");
    expect(profile.careerFrameworkLevel).toBe(5);
    expect(profile.experienceRequired).toEqual([
      "Previous experience of working with people with identified health needs e.g. learning disabilities, substance misuse, mental health, and the criminal justice system",
      "Supervisory responsibility and managing complexity of risk",
      "Psychology degree / Forensic Psychology degree desirable, and/or equivalent qualification and experience",
      "DBS clearance or vetting, where appropriate",
    ]);
    expect(profile.levelDescriptor).toMatch(/^People at level 5 will have a comprehensive/);
    expect(profile.scope).toHaveLength(2);
  });

  it("counts 20 core and 40 specific competences", () => {
    expect(count(profile, "core")).toBe(20);
    expect(count(profile, "specific")).toBe(40);
    expect(count(profile, "locality")).toBe(0);
    expect(profile.problems).toEqual([]);
  });

  it("reads the shifted core row (line 131) and 'Assessment (Screening)' as A", () => {
    expect(oneAt(profile, 131)).toMatchObject({
      principleCode: "2",
      function: "Support the development of knowledge and practice of individuals",
    });
    expect(oneAt(profile, 173)).toMatchObject({
      principleCode: "A",
      principleText: "A. Assessment (Screening)",
      function: "Undertake a risk assessment in relation to a defined health need",
      title: "Carry out comprehensive assessments of individuals' health and wellbeing in a custodial setting",
    });
  });

  it("splits bullet learning items", () => {
    expect(profile.learning.formal).toEqual(["Psychology degree/Forensic Psychology degree or equivalent qualification"]);
    expect(profile.learning.informal).toHaveLength(13);
    expect(profile.learning.informal[0]).toBe("Locality specific training within the service");
    expect(profile.learning.informal[12]).toBe("Understanding of neurodiversity");
  });
});

describe("003 RECONNECT Peer Support Worker", () => {
  const profile = parseRoleProfileText(seed("003"));

  it("reads the basic information", () => {
    expect(profile.title).toBe("Peer Support Worker");
    expect(profile.areaOfWork).toBe("RECONNECT and/or Enhanced RECONNECT");
    expect(profile.careerFrameworkLevel).toBe(3);
    expect(profile.experienceRequired).toHaveLength(4);
    expect(profile.experienceRequired[0]).toMatch(/^Must be at least 18 years old/);
    expect(profile.experienceRequired[3]).toBe("Previous experience of volunteering desirable, but not essential.");
    expect(profile.scope).toHaveLength(4);
  });

  it("counts 14 core and 29 specific competences; no locality section is no problem", () => {
    expect(count(profile, "core")).toBe(14);
    expect(count(profile, "specific")).toBe(29);
    expect(count(profile, "locality")).toBe(0);
    expect(profile.problems).toEqual([]);
  });

  it("reads a lone first cell as a competence shifted two cells left (lines 149 and 170)", () => {
    expect(oneAt(profile, 149)).toMatchObject({
      section: "specific",
      principleCode: "1",
      function: "Provide information, advice and guidance",
      title: "Support individuals to access information on services and facilities",
    });
    expect(oneAt(profile, 170)).toMatchObject({
      principleCode: "C",
      function: "Enable people to address issues relating to their health and wellbeing",
      title: "Support individuals to access and use services and facilities",
    });
  });

  it("reads the singular 'Underpinning Principle' header and 'Health interventions' as B", () => {
    expect(oneAt(profile, 142)).toMatchObject({ principleCode: "1", title: "Communicate with people from vulnerable groups" });
    expect(oneAt(profile, 158)).toMatchObject({ principleCode: "B", principleText: "B. Health interventions" });
    expect(oneAt(profile, 174)).toMatchObject({ principleCode: "H", function: "Develop relationships with individuals" });
  });

  it("splits bullet learning items of both rows", () => {
    expect(profile.learning.formal).toEqual([
      "Peer Support Training",
      "NVQ/Diploma in related subject area in health/care/justice",
      "IT skills",
      "Literacy skills",
      "Health literacy awareness",
    ]);
    expect(profile.learning.informal).toHaveLength(9);
  });
});

describe("robustness", () => {
  it.each(["000", "001", "002", "003"])(
    "%s: CRLF, non-breaking spaces, doubled blank lines and a repeated header change nothing",
    (prefix) => {
      const text = seed(prefix);
      const clean = parseRoleProfileText(text);
      const messy = text
        .split("\n")
        .flatMap((line) => {
          if (line.trim() === "") return [line, "", "  "];
          // A page break in the middle of a table: a header (singular, with a stray 4th column) repeated.
          if (line.startsWith("\t\t")) return ["Underpinning Principle\tReference Function\tCompetence\t", line];
          // Non-breaking spaces inside and around cells.
          if (line.includes("\t")) return [line.replace(/ /g, "\u00a0").replace(/\t/g, "\u00a0\t\u00a0")];
          return [line];
        })
        .join("\r\n");
      expect(messy).not.toBe(text);
      const reread = parseRoleProfileText(messy);
      expect(withoutLineNumbers(reread)).toEqual(withoutLineNumbers(clean));
      expect(reread.competences.length).toBe(clean.competences.length);
    },
  );
});

describe("incomplete and foreign documents", () => {
  const text = seed("000");

  it("reports the sections a truncated document is missing and keeps what it has", () => {
    // 000 cut just before "Role Specific Competences" (line 153).
    const truncated = parseRoleProfileText(lines(text, 1, 152));
    expect(truncated.title).toBe("Service Manager");
    expect(count(truncated, "core")).toBe(21);
    expect(count(truncated, "specific")).toBe(0);
    expect(truncated.problems).toEqual([
      { line: 0, text: "", reason: "no role-specific competences section" },
      { line: 0, text: "", reason: "no Indicative Learning and Development section" },
    ]);
  });

  it("reports a missing Career Framework Level and everything after it", () => {
    // 000 cut after Experience Required (line 113).
    const truncated = parseRoleProfileText(lines(text, 1, 113));
    expect(truncated.title).toBe("Service Manager");
    expect(truncated.careerFrameworkLevel).toBeNull();
    expect(truncated.experienceRequired).toHaveLength(6);
    expect(reasons(truncated)).toEqual([
      "no Career Framework Level",
      "no Scope of the Role",
      "no common/core competences section",
      "no role-specific competences section",
      "no Indicative Learning and Development section",
    ]);
  });

  it("reads the tables of a document without its Named Role row and reports the missing row", () => {
    const nameless = parseRoleProfileText(text.replace("Named Role\tService Manager\n", ""));
    expect(nameless.title).toBe("");
    expect(count(nameless, "core")).toBe(21);
    expect(count(nameless, "specific")).toBe(39);
    expect(nameless.learning.formal).toEqual(["Registration and/or relevant qualifications"]);
    expect(nameless.problems).toEqual([{ line: 0, text: "", reason: "no Named Role" }]);
  });

  it("reports a Career Framework Level that disagrees with the level the document describes", () => {
    const relevelled = parseRoleProfileText(text.replace("Career Framework Level\tLevel 7", "Career Framework Level\tLevel 6"));
    expect(relevelled.careerFrameworkLevel).toBe(6);
    expect(reasons(relevelled)).toEqual([
      "Career Framework Level 6 disagrees with the Definition of the Level 7 Role heading",
      "Career Framework Level 6 disagrees with the Common/Core Competences for all Level 7 Roles heading",
    ]);
  });

  it("refuses the job evaluation profiles (004) and plain text", () => {
    expect(() => parseRoleProfileText(seed("004"))).toThrow(DomainError);
    expect(() => parseRoleProfileText("Hello\nworld")).toThrow(/not a Skills for Health role profile/);
    expect(() => parseRoleProfileText("")).toThrow(/no 'Named Role' row and no competence tables/);
  });
});

describe("rows that cannot be placed", () => {
  const profileOf = (...rows: string[]): ParsedRoleProfile =>
    parseRoleProfileText(
      [
        "Named Role\tTest Role",
        "Role Specific Competences",
        "Underpinning Principles\tReference Function\tCompetence",
        ...rows,
      ].join("\n"),
    );
  const tableProblems = (profile: ParsedRoleProfile): unknown[] => profile.problems.filter((p) => p.line > 0);

  it("reports a competence before any principle, with its line, and does not invent a principle", () => {
    const profile = profileOf("\tSome function\tSome competence", "1. Communication\tCommunicate effectively\tTalk");
    expect(profile.competences.map((c) => c.title)).toEqual(["Talk"]);
    expect(tableProblems(profile)).toEqual([
      {
        line: 4,
        text: "\tSome function\tSome competence",
        reason: "competence before any underpinning principle in its section; not read",
      },
    ]);
  });

  it("reports an unrecognised principle and does not file its rows under the previous one", () => {
    const profile = profileOf(
      "1. Communication\tCommunicate effectively\tTalk",
      "Widgets and Gadgets\tMake widgets\tAssemble widgets",
      "\t\tPolish widgets",
      "E. Facilities and Estates Management\tManage estates\tMaintain buildings",
    );
    expect(profile.competences.map((c) => [c.principleCode, c.title])).toEqual([
      ["1", "Talk"],
      ["E", "Maintain buildings"],
    ]);
    expect(tableProblems(profile)).toEqual([
      {
        line: 5,
        text: "Widgets and Gadgets\tMake widgets\tAssemble widgets",
        reason: "unrecognised underpinning principle 'Widgets and Gadgets'; row not read",
      },
      {
        line: 6,
        text: "\t\tPolish widgets",
        reason: "under the unrecognised underpinning principle 'Widgets and Gadgets'; not read",
      },
    ]);
  });

  it("reports a function with no competence that cannot belong to the row above, and uses it below", () => {
    const profile = profileOf(
      "G. Service Development\tPlan services\tPlan a service",
      "\tReview services\t",
      "\t\tReview a service",
    );
    expect(profile.competences.map((c) => [c.principleCode, c.function, c.title])).toEqual([
      ["G", "Plan services", "Plan a service"],
      ["G", "Review services", "Review a service"],
    ]);
    expect(tableProblems(profile)).toEqual([
      { line: 5, text: "\tReview services", reason: "reference function with no competence; applied to the rows below" },
    ]);
  });

  it("reports text in the middle of a table and rows with too many cells", () => {
    const profile = profileOf("5. Quality\tAudit\tCarry out audits", "Page 9 of 15", "\ta\tb\tc\td");
    expect(profile.competences).toHaveLength(1);
    expect(tableProblems(profile).map((p) => (p as { line: number }).line)).toEqual([5, 6]);
  });
});

describe("underpinning principles", () => {
  it.each([
    ["1. Communication", "1"],
    ["communication", "1"],
    ["2 Personal and People Development", "2"],
    ["Health, Safety and Security", "3"],
    ["4. Service Improvement", "4"],
    ["QUALITY", "5"],
    ["6. Equality & Diversity", "6"],
    ["Equality and Diversity", "6"],
    ["A. Assessment (Screening)", "A"],
    ["Assessment", "A"],
    ["B. Health interventions", "B"],
    ["Health Intervention", "B"],
    ["C. Health Promotion and Protection", "C"],
    ["D. Information Management / Information and Communication Technology", "D"],
    ["Information Management/Information and Communication Technology", "D"],
    ["E. Facilities and Estates Management", "E"],
    ["F. Education, Learning and Research", "F"],
    ["Service Development", "G"],
    ["H. Management and Administration", "H"],
  ])("reads %s as %s", (cell, code) => {
    expect(matchPrinciple(cell)).toEqual({ code });
  });

  it("is no principle for a function or competence shifted into the first column", () => {
    expect(matchPrinciple("Support the development of knowledge and practice of individuals")).toBeNull();
    expect(matchPrinciple("Facilitate the audit/inspection process")).toBeNull();
    expect(matchPrinciple("A lone worker")).toBeNull();
  });

  it("reads by name, with a doubt, when the number disagrees", () => {
    expect(matchPrinciple("3. Quality")?.code).toBe("5");
    expect(matchPrinciple("3. Quality")?.doubt).toMatch(/numbered 3/);
  });
});

describe("runs in the browser", () => {
  it("uses no Node API in the parser's modules", () => {
    const dir = new URL("../../src/domain/import/", import.meta.url);
    const modules = readdirSync(dir).filter((file) => file.endsWith(".ts"));
    expect(modules).toContain("roleProfileText.ts");
    for (const file of modules) {
      const source = readFileSync(new URL(file, dir), "utf8");
      expect(source, file).not.toMatch(/from "node:|require\(|\bprocess\.(?:env|argv|cwd)|\bBuffer\b/);
    }
  });
});
