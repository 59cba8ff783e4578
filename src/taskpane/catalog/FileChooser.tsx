/**
 * A labelled file input. The browser's own control, not a styled button over a hidden one: it is reachable by
 * keyboard and announced as a file chooser everywhere, which a task pane in many hosts needs more than looks.
 */
import { Label, makeStyles, tokens, useId } from "@fluentui/react-components";

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

export interface FileChooserProps {
  readonly label: string;
  readonly accept: string;
  readonly onFile: (file: File) => void;
}

export function FileChooser({ label, accept, onFile }: FileChooserProps) {
  const styles = useStyles();
  const id = useId("file");
  return (
    <div className={styles.field}>
      <Label htmlFor={id}>{label}</Label>
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // The same file chosen again (after fixing it) must fire a change again.
          event.currentTarget.value = "";
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
