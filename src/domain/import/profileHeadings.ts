/**
 * The headings of a Skills for Health transferable role profile, matched against headingText() (untabbed,
 * markup and trailing dots/colons already removed). Each pattern is anchored so that a sentence mentioning
 * a section ("All level 7 roles will have the following common/core competences.") is not taken for it.
 */
export const HEADING = {
  levelDefinition: /^definition of the level (\d+) role$/i,
  nationalOccupationalStandards: /^the national occupational standards$/i,
  basicInformation: /^basic information$/i,
  scope: /^scope of the role$/i,
  core: /^(?:common\s*\/\s*)?core competences for all level (\d+) roles$/i,
  specific: /^role[\s-]specific competences$/i,
  locality: /^locality[\s-]specific competences$/i,
  learning: /^indicative learning and development$/i,
  cpd: /^continuing professional development$/i,
  references: /^references$/i,
} as const;

/** Headings after which no competence table continues. */
export const AFTER_COMPETENCES: readonly RegExp[] = [HEADING.learning, HEADING.cpd, HEADING.references];
