/**
 * A labelled file chooser that looks like the rest of the pane: a Fluent button opens the browser's own file input
 * (kept in the page, labelled, for assistive technology and for dropping a file on it), and the chosen file's name
 * shows beside the button.
 */
import { Button, Label, Text, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useRef, useState } from "react";

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  // Visually hidden, still in the accessibility tree and reachable from its label.
  input: { position: "absolute", width: "1px", height: "1px", margin: "-1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0, padding: 0 },
});

export interface FileChooserProps {
  readonly label: string;
  readonly accept: string;
  readonly onFile: (file: File) => void;
}

export function FileChooser({ label, accept, onFile }: FileChooserProps) {
  const styles = useStyles();
  const id = useId("file");
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className={styles.field}>
      <Label htmlFor={id}>{label}</Label>
      <div className={styles.row}>
        <Button aria-describedby={`${id}-name`} onClick={() => input.current?.click()}>
          Choose a file…
        </Button>
        <Text id={`${id}-name`} size={200} className={styles.name}>
          {chosen ?? "No file chosen"}
        </Text>
      </div>
      <input
        ref={input}
        id={id}
        className={styles.input}
        type="file"
        tabIndex={-1}
        accept={accept}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // The same file chosen again (after fixing it) must fire a change again.
          event.currentTarget.value = "";
          if (file) {
            setChosen(file.name);
            onFile(file);
          }
        }}
      />
    </div>
  );
}
