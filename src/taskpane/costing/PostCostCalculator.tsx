/**
 * The post-cost calculator: band, point, WTE, year, HCAS zone, pension basis and levy give every line of the
 * post's annual cost, live, from the domain's postCost. A WTE or point the domain refuses is explained beside
 * its field. The costed post can then join the posts waiting for the plan, or go on a sheet (CostActions).
 */
import { Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Catalog } from "../../catalog";
import { type HcasZone, type PayPointName, type PensionBasis, type PlannedPost, type PostCost, defaultYear, postCost } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { CostActions } from "./CostActions";
import { CostResult } from "./CostBreakdown";
import { BandField, PensionField, PointField, YearField, ZoneField, useFieldStyles } from "./CostingFields";
import { parseWteText, sentence } from "./costingText";

const useStyles = makeStyles({
  calculator: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

type Outcome =
  | { kind: "cost"; cost: PostCost }
  | { kind: "wte"; message: string }
  | { kind: "point"; message: string }
  | { kind: "other"; message: string };

export interface PostCostCalculatorProps {
  readonly catalog: Catalog;
  readonly workbook: WorkbookAdapter;
  /** The posts waiting to be added to the plan, which "Add to plan" joins. */
  readonly pending: readonly PlannedPost[];
  readonly onAddToPlan: (post: PlannedPost) => void;
}

export function PostCostCalculator({ catalog, workbook, pending, onAddToPlan }: PostCostCalculatorProps) {
  const styles = useStyles();
  const fieldStyles = useFieldStyles();
  const pay = catalog.pay;
  const [band, setBand] = useState("5");
  const [point, setPoint] = useState<PayPointName>("top");
  const [wte, setWte] = useState("1");
  const [year, setYear] = useState(() => defaultYear(pay));
  const [zone, setZone] = useState<HcasZone | "none">("none");
  const [pension, setPension] = useState<PensionBasis>("employer");
  const [levy, setLevy] = useState(false);

  const outcome = useMemo((): Outcome => {
    const parsed = parseWteText(wte);
    if (!parsed.ok) return { kind: "wte", message: parsed.message };
    try {
      return {
        kind: "cost",
        cost: postCost(pay, { band, point, wte: parsed.value, year, hcasZone: zone, pensionBasis: pension, includeLevy: levy }),
      };
    } catch (e) {
      const message = sentence((e as Error).message);
      return /\bpoint\b/.test(message) ? { kind: "point", message } : { kind: "other", message };
    }
  }, [pay, band, point, wte, year, zone, pension, levy]);

  return (
    <div className={styles.calculator}>
      <fieldset className={styles.fields}>
        <legend className={styles.legend}>The post</legend>
        <div className={fieldStyles.pair}>
          <BandField withBand1 value={band} onChange={setBand} />
          <PointField pay={pay} band={band} year={year} value={point} onChange={setPoint} {...(outcome.kind === "point" ? { validationMessage: outcome.message } : {})} />
          <Field
            label="WTE"
            className={fieldStyles.field}
            validationState={outcome.kind === "wte" ? "error" : "none"}
            validationMessage={outcome.kind === "wte" ? outcome.message : undefined}
          >
            <Input className={fieldStyles.control} inputMode="decimal" value={wte} onChange={(_, data) => setWte(data.value)} />
          </Field>
          <YearField pay={pay} value={year} onChange={setYear} />
          <ZoneField value={zone} onChange={setZone} />
          <PensionField pay={pay} year={year} value={pension} onChange={setPension} />
        </div>
        <Checkbox checked={levy} onChange={(_, data) => setLevy(data.checked === true)} label="Include the apprenticeship levy" />
      </fieldset>
      <CostResult
        pay={pay}
        outcome={
          outcome.kind === "cost"
            ? { cost: outcome.cost }
            : { problem: outcome.kind === "other" ? `${outcome.message}.` : `No cost yet: see the ${outcome.kind === "wte" ? "WTE" : "pay point"} above.` }
        }
      />
      <CostActions
        catalog={catalog}
        workbook={workbook}
        cost={outcome.kind === "cost" ? outcome.cost : null}
        pending={pending}
        onAddToPlan={onAddToPlan}
      />
    </div>
  );
}
