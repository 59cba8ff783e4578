import { BANDS, HCAS_ZONES, PAY_POINTS, type PlannedPost } from "../../src/domain";

/**
 * A deterministic spread of posts over every band, point, zone and a range of WTEs (including part-time posts
 * under the NI threshold and the 1.5 WTE limit), so a plan exercises every branch of the formulas.
 */
export function samplePosts(count: number, roles: readonly string[]): PlannedPost[] {
  const bands = BANDS.filter((b) => b !== "1");
  const wtes = [1, 0.8, 0.6, 0.5, 0.4, 0.2, 0.1, 1.5, 0.75, 1];
  const zones = ["none", ...HCAS_ZONES] as const;
  return Array.from({ length: count }, (_, i) => {
    const band = bands[i % bands.length]!;
    const point = band === "2" || band === "3" || band === "4" ? (i % 2 === 0 ? "entry" : "top") : PAY_POINTS[i % 3]!;
    return {
      post: `Post ${String(i + 1).padStart(3, "0")}`,
      role: roles[i % roles.length]!,
      band,
      point,
      wte: wtes[i % wtes.length]!,
      hcasZone: zones[(i >> 1) % zones.length]!,
      status: i % 7 === 0 ? "Vacant" : "In post",
    };
  });
}
