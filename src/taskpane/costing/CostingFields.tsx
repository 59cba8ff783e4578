/** The small labelled fields the Costing tab uses more than once: year, band, point, HCAS zone, pension basis. */
import { Combobox, Field, Option, Select, makeStyles, mergeClasses } from "@fluentui/react-components";
import { type Ref, useEffect } from "react";
import type { Catalog } from "../../catalog";
import {
  BANDS,
  PAY_POINTS,
  POST_STATUSES,
  type PayData,
  type PayPointName,
  type PensionBasis,
  type PostStatus,
  type HcasZone,
  onCostsFor,
  payScaleFor,
} from "../../domain";
import { PENSION_CHOICES, ZONE_CHOICES, formatRate, roleTitles, yearChoices } from "./costingText";

export const useFieldStyles = makeStyles({
  // minmax(0, …): a long option must not widen the pane. Bottom-aligned, so a wrapped label keeps the inputs level.
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: "8px", rowGap: "8px", alignItems: "start" },
  field: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  control: { minWidth: 0, maxWidth: "100%" },
  // A whole row of the pair grid: "2026/27 (indicative)" is cut short in half of a 320–350 px pane.
  wide: { gridColumn: "1 / -1" },
  combo: { minWidth: 0, width: "100%" },
});

interface ChoiceProps<T> {
  readonly value: T;
  readonly hint?: string;
  readonly onChange: (value: T) => void;
  readonly label?: string;
  readonly validationMessage?: string;
  readonly selectRef?: Ref<HTMLSelectElement>;
  /** Shown but not editable (the workbook decides). */
  readonly disabled?: boolean;
}

function Choice<T extends string>({
  label,
  value,
  onChange,
  options,
  validationMessage,
  selectRef,
  hint,
  disabled,
  wide = false,
}: ChoiceProps<T> & { label: string; options: readonly { value: T; label: string }[]; wide?: boolean }) {
  const styles = useFieldStyles();
  return (
    <Field
      label={label}
      hint={hint}
      className={wide ? mergeClasses(styles.field, styles.wide) : styles.field}
      validationState={validationMessage ? "error" : "none"}
      validationMessage={validationMessage}
    >
      <Select ref={selectRef} className={styles.control} disabled={disabled} value={value} onChange={(_, data) => onChange(data.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The catalog's pay years; an indicative year says so in its name. */
export function YearField({ pay, ...props }: ChoiceProps<string> & { pay: PayData }) {
  const options = yearChoices(pay).map((y) => ({ value: y.year, label: y.label }));
  return <Choice label="Year" options={options} wide {...props} />;
}

/** Bands 2 to 9; band 1 (closed to new entrants, paid at band 2) only where asked for. */
export function BandField({ withBand1 = false, ...props }: ChoiceProps<string> & { withBand1?: boolean }) {
  const options = BANDS.filter((b) => withBand1 || b !== "1").map((b) => ({
    value: b as string,
    label: b === "1" ? "Band 1 (closed)" : `Band ${b}`,
  }));
  return <Choice label="Band" options={options} {...props} />;
}

const POINT_LABELS: Record<PayPointName, string> = { entry: "Entry", intermediate: "Intermediate", top: "Top" };

/** The points a band has in a year's scale (band 1 is paid at band 2); every point when the year has no scale. */
export function bandPoints(pay: PayData, band: string, year: string): readonly PayPointName[] {
  try {
    const scale = payScaleFor(pay, year);
    const b = scale.bands.find((x) => x.band === band) ?? (band === "1" ? scale.bands.find((x) => x.band === "2") : undefined);
    if (!b) return PAY_POINTS;
    if (b.points.length === 1) return ["top"];
    return PAY_POINTS.filter((p) => p !== "intermediate" || b.points.some((x) => x.point === "intermediate"));
  } catch {
    return PAY_POINTS;
  }
}

/**
 * The pay points of the chosen band in the chosen year only: no "Intermediate" for a band without one, and one
 * choice, said as such, for a one-point band. A point the band lacks (after a change of band) moves to its top.
 */
export function PointField({ pay, band, year, ...props }: ChoiceProps<PayPointName> & { pay: PayData; band: string; year: string }) {
  const points = bandPoints(pay, band, year);
  const { value, onChange } = props;
  useEffect(() => {
    if (!points.includes(value)) onChange("top");
  }, [points, value, onChange]);
  const single = points.length === 1;
  const options = points.map((p) => ({ value: p, label: single ? "Top (the only point)" : POINT_LABELS[p] }));
  return (
    <Choice
      label="Pay point"
      options={options}
      {...props}
      value={points.includes(value) ? value : "top"}
      {...(single && !props.validationMessage ? { hint: `Band ${band} has one pay point` } : {})}
    />
  );
}

export function ZoneField(props: ChoiceProps<HcasZone | "none">) {
  return <Choice label="HCAS zone" options={ZONE_CHOICES} {...props} />;
}

/** Employer or full, with the year's rate under it: "14.38%, paid locally". */
export function PensionField({ pay, year, ...props }: ChoiceProps<PensionBasis> & { pay: PayData; year: string }) {
  let hint: string | undefined;
  try {
    const rules = onCostsFor(pay, year).pension;
    hint =
      props.value === "full"
        ? `${formatRate(rules.fullRate)}, with the ${formatRate(rules.centralRate)} paid centrally`
        : `${formatRate(rules.employerRate)}, paid locally`;
  } catch {
    // No on-cost rules for the year: no rate to show; the cost says what is missing.
  }
  return <Choice label="Pension basis" options={PENSION_CHOICES} {...props} {...(hint ? { hint } : {})} />;
}

/** A post's status: in post, vacant… */
export function StatusField(props: ChoiceProps<PostStatus>) {
  return <Choice label="Status" options={POST_STATUSES.map((s) => ({ value: s, label: s }))} {...props} />;
}

/** The post's role: one of the catalog's titles, suggested as the user types, or their own words. */
export function RoleField({ catalog, value, onChange }: { catalog: Catalog; value: string; onChange: (role: string) => void }) {
  const styles = useFieldStyles();
  const titles = roleTitles(catalog);
  const typed = value.trim().toLowerCase();
  const suggestions = titles.filter((t) => typed === "" || t.toLowerCase().includes(typed));
  return (
    <Field label="Role" hint="Choose one of the catalog's roles or type your own">
      <Combobox
        className={styles.combo}
        freeform
        value={value}
        selectedOptions={titles.includes(value) ? [value] : []}
        onChange={(event) => onChange(event.target.value)}
        // Typing over a chosen title clears the selection (no optionText): the typed text, set by onChange, stays.
        onOptionSelect={(_, data) => {
          if (data.optionText !== undefined) onChange(data.optionText);
        }}
      >
        {suggestions.map((t) => (
          <Option key={t} value={t}>
            {t}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
