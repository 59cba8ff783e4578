/** The typed or pasted team: one person a line, with each line's problem listed under the box. */
import { Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Ref } from "react";
import { plural } from "./describeSkillMix";
import { type ParsedTeamList, TEAM_LIST_EXAMPLE } from "./teamList";

const useStyles = makeStyles({
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  box: { minWidth: 0 },
});

export interface TeamListFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly parsed: ParsedTeamList;
  /** Show the lines' problems (after a first try at building, or once the box is left). */
  readonly showProblems: boolean;
  /** The box lost focus to `next` (null: to nothing, or outside the page). */
  readonly onLeave: (next: Element | null) => void;
  readonly textareaRef?: Ref<HTMLTextAreaElement>;
}

export function TeamListField({ value, onChange, parsed, showProblems, onLeave, textareaRef }: TeamListFieldProps) {
  const styles = useStyles();
  const problems = showProblems ? (parsed.errors.length > 0 ? parsed.errors : parsed.warnings) : [];
  const state = problems.length === 0 ? "none" : parsed.errors.length > 0 ? "error" : "warning";
  const read = value.trim() === "" ? "" : ` ${plural(parsed.people.length, "person", "people")} read.`;
  return (
    <Field
      label="People, one a line"
      hint={`Name, role, band, WTE, e.g. “${TEAM_LIST_EXAMPLE}”. Paste from Excel works too.${read}`}
      validationState={state}
      validationMessage={
        problems.length === 0 ? undefined : (
          <>
            {/* A lead-in beside the field's icon, then the lines. */}
            {state === "error" ? `${plural(problems.length, "line")} to fix before building:` : `${plural(problems.length, "line")} to check:`}
            <ul className={styles.problems} aria-label="Problems in the list">
              {problems.map((p) => (
                <li key={`${p.line}:${p.message}`}>{p.message}</li>
              ))}
            </ul>
          </>
        )
      }
    >
      <Textarea
        ref={textareaRef}
        className={styles.box}
        resize="vertical"
        rows={5}
        value={value}
        spellCheck={false}
        onChange={(_, data) => onChange(data.value)}
        onBlur={(event) => onLeave(event.relatedTarget instanceof Element ? event.relatedTarget : null)}
      />
    </Field>
  );
}
