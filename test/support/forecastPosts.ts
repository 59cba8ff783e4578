import type { ForecastPost } from "../../src/domain";
import { samplePosts } from "./posts";

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/**
 * A deterministic spread of forecast posts over every band, point, zone and WTE (from samplePosts), with steps on
 * mid-month anniversaries (29 February among them), joiners and leavers mid-month, joiners without a point, and
 * cost centres whose text a criteria function would read as a pattern ("CC*", "=CC1", "cc1").
 */
export function sampleForecastPosts(count: number, roles: readonly string[], fromYear = 2026): ForecastPost[] {
  const centres = ["CC1", "CC*", "=CC1", "cc1", "CC2?"];
  return samplePosts(count, roles).map((p, i): ForecastPost => {
    const post: ForecastPost = { ...p, costCentre: centres[i % centres.length]! };
    if (i % 3 === 0) post.startInBand = i % 27 === 0 ? "2024-02-29" : iso(fromYear - 1 - (i % 4), 1 + (i % 12), 1 + (i % 28));
    if (i % 7 === 2) {
      post.startDate = iso(fromYear + (i % 2), 1 + ((i * 5) % 12), 1 + ((i * 3) % 28));
      if (i % 14 === 2) delete post.point;
    }
    if (i % 11 === 5) post.endDate = iso(fromYear + 1 + (i % 2), 1 + ((i * 7) % 12), 1 + ((i * 2) % 28));
    return post;
  });
}
