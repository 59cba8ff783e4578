import type { NationalProfile } from "../../domain";

/** The national profiles share one title; the document's band and score tell them apart: "…, 8a/b (550–599)". */
export function nationalProfileLabel(profile: NationalProfile): string {
  return `${profile.title}, ${profile.documentBand} (${profile.documentScore.min}–${profile.documentScore.max})`;
}
