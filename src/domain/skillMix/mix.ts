import { BANDS, type Band, bandLabel } from "../band";
import type { CareerLevel } from "../careerFramework";
import type { Role } from "../role";
import { caseFoldKey } from "../text";
import type { RegisterPerson } from "./register";
import { DEFAULT_SUPPRESSION_THRESHOLD, HIDDEN, type ShownCount, isSuppressed, suppressCount } from "./suppression";

export interface SkillMixRow {
  /** The band ("8a"), the level ("7"), or the role (catalog id, or "text:…" for a role of the team's own); "" = not given. */
  readonly key: string;
  readonly label: string;
  readonly headcount: number;
  readonly wte: number;
  /** Shares of the team's headcount and WTE; null when the team has none. */
  readonly headcountShare: number | null;
  readonly wteShare: number | null;
}

export interface SkillMix {
  readonly headcount: number;
  readonly wte: number;
  /** In pay order; people without a band last. Only bands someone is on. */
  readonly byBand: readonly SkillMixRow[];
  /** Career Framework levels, from the people's catalog roles; people whose role is unknown last. */
  readonly byLevel: readonly SkillMixRow[];
  /** Catalog roles in catalog order, then the team's own roles (one per text, whatever its case) as they first appear; no role given last. */
  readonly byRole: readonly SkillMixRow[];
}

export const NOT_GIVEN = { band: "Band not given", level: "Level not known", role: "No role given" } as const;

export const levelLabel = (level: CareerLevel): string => `Level ${level}`;

type Person = Pick<RegisterPerson, "band" | "wte" | "role" | "catalogRole">;

/** WTE and headcount by band, by Career Framework level and by role, with each group's share. */
export function skillMix(people: readonly Person[], roles: readonly Role[] = []): SkillMix {
  const headcount = people.length;
  const wte = people.reduce((n, p) => n + p.wte, 0);
  const group = (keyOf: (p: Person) => { key: string; label: string; order: number }): SkillMixRow[] => {
    const rows = new Map<string, { key: string; label: string; order: number; headcount: number; wte: number }>();
    for (const p of people) {
      const k = keyOf(p);
      const row = rows.get(k.key) ?? { ...k, headcount: 0, wte: 0 };
      row.headcount += 1;
      row.wte += p.wte;
      rows.set(k.key, row);
    }
    return [...rows.values()]
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...r }) => ({ ...r, headcountShare: headcount === 0 ? null : r.headcount / headcount, wteShare: wte === 0 ? null : r.wte / wte }));
  };
  const roleOrder = new Map(roles.map((r, i) => [r.id, i]));
  const ownRoles = new Map<string, number>();
  return {
    headcount,
    wte,
    byBand: group((p) => (p.band ? { key: p.band, label: bandLabel(p.band), order: BANDS.indexOf(p.band as Band) } : { key: "", label: NOT_GIVEN.band, order: BANDS.length })),
    byLevel: group((p) =>
      p.catalogRole
        ? { key: String(p.catalogRole.careerFrameworkLevel), label: levelLabel(p.catalogRole.careerFrameworkLevel), order: p.catalogRole.careerFrameworkLevel }
        : { key: "", label: NOT_GIVEN.level, order: 99 },
    ),
    byRole: group((p) => {
      if (p.catalogRole) return { key: p.catalogRole.id, label: p.catalogRole.title, order: roleOrder.get(p.catalogRole.id) ?? roles.length };
      // Grouped as the sheet's COUNTIFS counts them: a role of the team's own differs from another by any character but case.
      const key = caseFoldKey(p.role.trim());
      if (key === "") return { key: "", label: NOT_GIVEN.role, order: Number.MAX_SAFE_INTEGER };
      if (!ownRoles.has(key)) ownRoles.set(key, ownRoles.size);
      return { key: `text:${key}`, label: p.role.trim(), order: roles.length + 1 + ownRoles.get(key)! };
    }),
  };
}

/** A mix row as a view shared outside the team shows it. */
export interface ShownMixRow {
  readonly key: string;
  readonly label: string;
  readonly headcount: ShownCount;
  readonly wte: number | typeof HIDDEN;
  readonly headcountShare: number | null | typeof HIDDEN;
  readonly wteShare: number | null | typeof HIDDEN;
}

/** Hides groups of fewer than `threshold` people: their headcount reads "<5", their WTE and shares "*". */
export function suppressMixRows(rows: readonly SkillMixRow[], threshold = DEFAULT_SUPPRESSION_THRESHOLD): ShownMixRow[] {
  return rows.map((r) => {
    const hide = isSuppressed(r.headcount, threshold);
    return {
      key: r.key,
      label: r.label,
      headcount: suppressCount(r.headcount, threshold),
      wte: hide ? HIDDEN : r.wte,
      headcountShare: hide ? HIDDEN : r.headcountShare,
      wteShare: hide ? HIDDEN : r.wteShare,
    };
  });
}
