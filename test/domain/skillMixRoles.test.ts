import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/catalog";
import { marksIncluding, needMark, overlapMatrix, progressionGap, roleCompetenceIds, roleMatrix, roleOverlap } from "../../src/domain";

const catalog = defaultCatalog();
const role = (id: string) => catalog.roles.find((r) => r.id === id)!;
const RSM = role("reconnect-service-manager");
const LDSM = role("liaison-diversion-service-manager");
const SEW = role("reconnect-senior-engagement-worker");
const PSW = role("reconnect-peer-support-worker");
const INNOVATION = "identify-and-evaluate-opportunities-for-innovation-and-improvement";

describe("the role matrix of the four catalog roles", () => {
  const matrix = roleMatrix(catalog, [RSM, LDSM, SEW, PSW]);

  it("counts each role's core and specific entries, and each competence once in what it requires", () => {
    expect(matrix.counts.map((c) => [c.role.id, c.core, c.specific, c.locality, c.required])).toEqual([
      ["reconnect-service-manager", 21, 39, 0, 59],
      ["liaison-diversion-service-manager", 21, 36, 0, 57],
      ["reconnect-senior-engagement-worker", 20, 40, 0, 59],
      ["reconnect-peer-support-worker", 14, 29, 0, 43],
    ]);
  });

  it("has one row per competence any role requires, each marked the way its profile lists it", () => {
    expect(matrix.rows).toHaveLength(114);
    expect(new Set(matrix.rows.map((r) => r.key)).size).toBe(114);
    // Every role's requirement is on exactly one row, so the rows' counts add up to the roles' requirements.
    expect(matrix.rows.reduce((n, r) => n + r.rolesRequiring, 0)).toBe(59 + 57 + 59 + 43);
    matrix.roles.forEach((r, i) => {
      const marked = matrix.rows.filter((row) => row.needs[i]!.length > 0).map((row) => row.key);
      expect(marked.sort()).toEqual(roleCompetenceIds(r).sort());
    });
    const first = matrix.rows[0]!;
    expect([first.principle.code, first.function, first.competence.title, first.needs.map(needMark), first.rolesRequiring]).toEqual([
      "1",
      "Communicate effectively",
      "Communicate effectively in a health care environment",
      ["Core", "Core", "Core", "Core"],
      4,
    ]);
  });

  it("marks a competence listed as both core and specific once, as both", () => {
    const innovation = matrix.rows.find((r) => r.key === INNOVATION)!;
    expect(innovation.needs.map(needMark)).toEqual(["Core and specific", "Core", "Core and specific", null]);
    expect(innovation.rolesRequiring).toBe(3);
  });

  it("groups rows by principle in the profiles' order (1–6, then A–H), functions kept together", () => {
    const order = catalog.principles.map((p) => p.id);
    const positions = matrix.rows.map((r) => order.indexOf(r.principle.id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // A function's rows are contiguous within its principle.
    const seen = new Set<string>();
    let previous = "";
    for (const r of matrix.rows) {
      const fn = `${r.principle.id}/${r.function}`;
      if (fn !== previous) {
        expect(seen.has(fn), `${fn} appears in two places`).toBe(false);
        seen.add(fn);
      }
      previous = fn;
    }
  });

  it("keeps the roles' order and only their competences", () => {
    const two = roleMatrix(catalog, [PSW, SEW]);
    expect(two.roles.map((r) => r.id)).toEqual([PSW.id, SEW.id]);
    expect(two.rows).toHaveLength(43 + 59 - 28);
    expect(two.rows.every((r) => r.rolesRequiring >= 1)).toBe(true);
  });

  it("names every mark a section can carry, so a sheet can count them exactly", () => {
    expect(marksIncluding("core")).toEqual(["Core", "Core and specific", "Core and locality", "Core, specific and locality"]);
    expect(marksIncluding("specific")).toEqual(["Specific", "Core and specific", "Specific and locality", "Core, specific and locality"]);
    expect(needMark([])).toBeNull();
    expect(needMark(["specific", "core"])).toBe("Core and specific");
  });
});

describe("overlap between roles", () => {
  it("gives the share of role B's requirements that role A already has, and the shared competences", () => {
    const cases: [typeof RSM, typeof RSM, number, number][] = [
      [RSM, LDSM, 44, 57],
      [LDSM, RSM, 44, 59],
      [RSM, SEW, 30, 59],
      [SEW, RSM, 30, 59],
      [RSM, PSW, 20, 43],
      [PSW, RSM, 20, 59],
      [LDSM, SEW, 30, 59],
      [SEW, LDSM, 30, 57],
      [LDSM, PSW, 21, 43],
      [PSW, LDSM, 21, 57],
      [SEW, PSW, 28, 43],
      [PSW, SEW, 28, 59],
    ];
    for (const [a, b, shared, required] of cases) {
      const o = roleOverlap(a, b);
      expect([o.shared.length, o.toRequired], `${a.id} → ${b.id}`).toEqual([shared, required]);
      expect(o.fractionOfTo).toBeCloseTo(shared / required, 12);
      expect(o.shared.every((id) => roleCompetenceIds(a).includes(id) && roleCompetenceIds(b).includes(id))).toBe(true);
    }
  });

  it("is 1 for a role with itself and counts the core-and-specific competence once", () => {
    expect(roleOverlap(RSM, RSM)).toMatchObject({ toRequired: 59, fractionOfTo: 1 });
    expect(roleOverlap(RSM, RSM).shared.filter((id) => id === INNOVATION)).toHaveLength(1);
  });

  it("gives every ordered pair, the diagonal each role with itself", () => {
    const m = overlapMatrix([RSM, LDSM, SEW, PSW]);
    expect(m.map((row) => row.map((o) => o.shared.length))).toEqual([
      [59, 44, 30, 20],
      [44, 57, 30, 21],
      [30, 30, 59, 28],
      [20, 21, 28, 43],
    ]);
  });

  it("has no fraction when role B requires nothing", () => {
    expect(roleOverlap(PSW, { ...PSW, id: "empty", competences: [] }).fractionOfTo).toBeNull();
  });
});

describe("progression from role A to role B", () => {
  it("Peer Support Worker → Senior Engagement Worker: what to gain, by principle, with B's learning", () => {
    const gap = progressionGap(catalog, PSW, SEW);
    expect([gap.toRequired, gap.carried, gap.toGain]).toEqual([59, 28, 31]);
    const gained = gap.groups.flatMap((g) => g.toGain.map((s) => s.competence.id));
    expect(gained).toHaveLength(31);
    const psw = new Set(roleCompetenceIds(PSW));
    expect(gained.some((id) => psw.has(id))).toBe(false);
    expect(new Set(gained)).toEqual(new Set(roleCompetenceIds(SEW).filter((id) => !psw.has(id))));
    // One group per principle, in the profiles' order.
    const order = gap.groups.map((g) => catalog.principles.indexOf(g.principle));
    expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
    expect(gap.learning).toBe(SEW.learning);
    expect(gap.groups.find((g) => g.toGain.some((s) => s.competence.id === INNOVATION))?.toGain.find((s) => s.competence.id === INNOVATION)?.sections).toEqual(["core", "specific"]);
  });

  it("has nothing to gain moving to a role whose competences A already has", () => {
    const gap = progressionGap(catalog, RSM, RSM);
    expect([gap.toGain, gap.groups.length, gap.carried]).toEqual([0, 0, 59]);
  });
});
