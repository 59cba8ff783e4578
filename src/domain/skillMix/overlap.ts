import { requiredIds } from "../coverage";
import type { Role } from "../role";

/** What role A brings to role B: the "transferable" in transferable roles. */
export interface RoleOverlap {
  readonly from: Role;
  readonly to: Role;
  /** Competences both roles require, in B's document order. */
  readonly shared: readonly string[];
  /** Distinct competences B requires. */
  readonly toRequired: number;
  /** shared ÷ B's required: the share of B's requirements that A already has; null when B requires nothing. */
  readonly fractionOfTo: number | null;
}

/** The overlap of role A with role B. Not symmetric: A → B divides by what B requires. */
export function roleOverlap(from: Role, to: Role): RoleOverlap {
  const fromIds = requiredIds(from).set;
  const toIds = requiredIds(to).ids;
  const shared = toIds.filter((id) => fromIds.has(id));
  return { from, to, shared, toRequired: toIds.length, fractionOfTo: toIds.length === 0 ? null : shared.length / toIds.length };
}

/** Every ordered pair of the roles: `[i][j]` is role i's overlap with role j (the diagonal is each role with itself). */
export function overlapMatrix(roles: readonly Role[]): RoleOverlap[][] {
  return roles.map((a) => roles.map((b) => roleOverlap(a, b)));
}
