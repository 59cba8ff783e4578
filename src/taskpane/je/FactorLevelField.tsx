/**
 * One JE factor's level, typed as a panel writes it: a level ("4"), a range ("2-3") or a national profile's text
 * ("4 (a) (c)", "1/ 2(b); (d)/ 3 (c)"). The hint lists the factor's level scores and, once read, what the text scores.
 */
import { Field, Input, makeStyles } from "@fluentui/react-components";
import { type Ref, useState } from "react";
import type { JeFactorDefinition } from "../../domain";
import type { FactorReading } from "./jeCalculation";

const useStyles = makeStyles({
  // The live result sticks to the top of the pane; a field reached with Tab must not scroll in under it,
  // and neither should its label.
  input: { scrollMarginTop: "140px" },
});

export interface FactorLevelFieldProps {
  readonly factor: JeFactorDefinition;
  readonly text: string;
  readonly reading: FactorReading;
  readonly onChange: (text: string) => void;
  /** The user tried to log: a blank factor says so too. */
  readonly tried: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
}

const scoreText = (r: FactorReading): string =>
  r.kind !== "read" ? "" : r.score.min === r.score.max ? ` Scores ${r.score.min}.` : ` Scores ${r.score.min}–${r.score.max}.`;

export function FactorLevelField({ factor, text, reading, onChange, tried, inputRef }: FactorLevelFieldProps) {
  const styles = useStyles();
  // A half-typed range ("2-") is not wrong yet: say so once the user leaves the field (or tries to log).
  const [left, setLeft] = useState(false);
  const message =
    reading.kind === "bad" && (left || tried) ? reading.message : reading.kind === "blank" && tried ? "Give a level" : undefined;
  const levels = factor.levelScores.length;
  return (
    <Field
      label={`${factor.number}. ${factor.name}`}
      hint={`Levels 1–${levels}: ${factor.levelScores.join(", ")}.${scoreText(reading)}`}
      validationState={message ? "error" : "none"}
      validationMessage={message}
    >
      <Input
        ref={inputRef}
        input={{ className: styles.input }}
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder={`e.g. ${Math.min(2, levels)} or ${levels > 2 ? "2-3" : "1-2"}`}
        onChange={(_, data) => onChange(data.value)}
        onBlur={() => setLeft(true)}
      />
    </Field>
  );
}
