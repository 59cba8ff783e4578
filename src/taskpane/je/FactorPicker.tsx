/** One JE factor's level, as a labelled native select: "Level 4 (32)". */
import { Field, Select, makeStyles } from "@fluentui/react-components";
import type { Ref } from "react";
import type { JeFactorDefinition } from "../../domain";

const useStyles = makeStyles({
  // The live result sticks to the top of the pane; a select reached with Tab must not scroll in under it,
  // and neither should its label.
  select: { scrollMarginTop: "120px" },
});

export interface FactorPickerProps {
  readonly factor: JeFactorDefinition;
  readonly level: number | null;
  readonly onChange: (level: number | null) => void;
  /** Shown under the field when the user tried to log without this factor. */
  readonly missing: boolean;
  readonly selectRef?: Ref<HTMLSelectElement>;
}

export function FactorPicker({ factor, level, onChange, missing, selectRef }: FactorPickerProps) {
  const styles = useStyles();
  return (
    <Field
      label={`${factor.number}. ${factor.name}`}
      validationState={missing ? "error" : "none"}
      validationMessage={missing ? "Choose a level" : undefined}
    >
      <Select
        ref={selectRef}
        select={{ className: styles.select }}
        value={level === null ? "" : String(level)}
        onChange={(_, data) => onChange(data.value === "" ? null : Number(data.value))}
      >
        <option value="">Choose a level</option>
        {factor.levelScores.map((score, i) => (
          <option key={i} value={String(i + 1)}>
            {`Level ${i + 1} (${score})`}
          </option>
        ))}
      </Select>
    </Field>
  );
}
