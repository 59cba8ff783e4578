import { z } from "zod";
import { BANDS, CAREER_LEVELS, HCAS_ZONES, PAY_POINTS, PROVENANCE_STATUSES, ROLE_SECTIONS, SERVICES } from "../domain";

// zod probes for eval (new Function) to speed up parsing; the task pane's Content-Security-Policy refuses eval,
// which would log a violation on every load. Jitless parsing is plenty fast for a catalog this size.
z.config({ jitless: true });

/**
 * The shape of the embedded catalog. Every figure carries a provenance; a file that does not fit fails at
 * load with the path of the bad field (see loadCatalog).
 */
const text = z.string().trim().min(1);

export const provenanceSchema = z.strictObject({
  source: text,
  year: text,
  status: z.enum(PROVENANCE_STATUSES),
  note: text.optional(),
});

const bandSchema = z.enum(BANDS);
const careerLevelSchema = z.literal(CAREER_LEVELS);

export const jeSchemeSchema = z.strictObject({
  factors: z
    .array(
      z.strictObject({
        number: z.number().int().min(1).max(16),
        name: text,
        levelScores: z.array(z.number().int().positive()).min(1),
        provenance: provenanceSchema,
      }),
    )
    .length(16),
  thresholds: z
    .array(
      z.strictObject({
        band: bandSchema,
        minScore: z.number().int().min(0),
        maxScore: z.number().int().min(0),
        provenance: provenanceSchema,
      }),
    )
    .min(1),
});

export const careerFrameworkSchema = z.strictObject({
  levels: z
    .array(
      z.strictObject({
        level: careerLevelSchema,
        title: text,
        descriptor: text,
        indicativeBands: z.array(bandSchema),
        provenance: provenanceSchema,
        indicativeBandsProvenance: provenanceSchema.refine((p) => p.status === "indicative", {
          message: "the level-to-band relation must be marked indicative",
        }),
      }),
    )
    .length(9),
});

export const competencesSchema = z.strictObject({
  principles: z
    .array(
      z.strictObject({
        id: text,
        code: z.string().regex(/^([1-6]|[A-H])$/, "a principle code is 1–6 or A–H"),
        name: text,
        variants: z.array(text),
      }),
    )
    .min(1),
  competences: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "an id is lower-case words joined by hyphens"),
        title: text,
        aliases: z.array(text),
        code: text.nullable(),
        codeProvenance: provenanceSchema.optional(),
      }),
    )
    .min(1),
});

export const rolesSchema = z.strictObject({
  roles: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "an id is lower-case words joined by hyphens"),
      title: text,
      namedRole: text.optional(),
      service: z.enum(SERVICES),
      areaOfWork: text,
      careerFrameworkLevel: careerLevelSchema,
      experienceRequired: z.array(text),
      scope: z.array(text),
      competences: z.array(
        z.strictObject({
          competenceId: text,
          section: z.enum(ROLE_SECTIONS),
          principleId: text,
          function: text,
          titleInDocument: text,
        }),
      ),
      learning: z.strictObject({ formal: z.array(text), informal: z.array(text) }),
      provenance: provenanceSchema,
    }),
  ),
});

export const nationalProfilesSchema = z.strictObject({
  profiles: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      title: text,
      jobStatement: z.array(text),
      factors: z
        .array(
          z.strictObject({
            factor: z.number().int().min(1).max(16),
            descriptor: text,
            levelText: text,
            scoreText: z.string(),
          }),
        )
        .length(16),
      documentScore: z.strictObject({ min: z.number().int(), max: z.number().int() }),
      documentBand: text,
      provenance: provenanceSchema,
    }),
  ),
});

const money = z.number().nonnegative();
const rate = z.number().min(0).max(1);
const financialYear = z.string().regex(/^\d{4}\/\d{2}$/, "a financial year is written 2025/26");

export const paySchema = z.strictObject({
  payScales: z.array(
    z.strictObject({
      nation: text,
      year: financialYear,
      hoursPerWeek: z.number().positive(),
      bands: z.array(
        z.strictObject({
          band: bandSchema,
          points: z.array(z.strictObject({ point: z.enum(PAY_POINTS), annual: money })).min(1).max(3),
          provenance: provenanceSchema,
        }),
      ),
    }),
  ),
  progression: z.array(
    z.strictObject({ band: bandSchema, yearsToNext: z.array(z.number().positive()).max(2), provenance: provenanceSchema }),
  ),
  hcas: z.array(
    z.strictObject({
      year: financialYear,
      zone: z.enum(HCAS_ZONES),
      label: text,
      percent: z.number().min(0).max(100),
      minimum: money,
      maximum: money,
      provenance: provenanceSchema,
      minimumProvenance: provenanceSchema.optional(),
    }),
  ),
  onCosts: z.array(
    z.strictObject({
      year: financialYear,
      employerNi: z.strictObject({ rate, secondaryThreshold: money, provenance: provenanceSchema }),
      pension: z.strictObject({ employerRate: rate, fullRate: rate, centralRate: rate, provenance: provenanceSchema }),
      apprenticeshipLevy: z.strictObject({ rate, allowance: money, provenance: provenanceSchema }),
    }),
  ),
});

/** Everything the catalog is made of, one file per part. */
export const catalogDataSchema = z.strictObject({
  jeScheme: jeSchemeSchema,
  careerFramework: careerFrameworkSchema,
  competences: competencesSchema,
  roles: rolesSchema,
  nationalProfiles: nationalProfilesSchema,
  pay: paySchema,
});

export type CatalogData = z.infer<typeof catalogDataSchema>;
