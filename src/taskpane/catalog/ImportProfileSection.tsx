/**
 * Import a role profile: paste its text, or choose a .txt or a PDF (its text lands in the box, where the user can
 * fix what the reader reports and read it again). Shows the role as read and every problem with its line; adding
 * it is a separate step (AddRoleForm).
 */
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import type { WorkbookCatalogView } from "../../workbook/catalog";
import { AddRoleForm } from "./AddRoleForm";
import { FileChooser } from "./FileChooser";
import { type PdfReader, fileText } from "./fileText";
import { ParsedNationalProfiles } from "./ParsedNationalProfiles";
import { ParsedCompetences, ParsedProfile, ProfileProblems } from "./ParsedProfile";
import { type ProfileReading, readProfile } from "./profileImport";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { minHeight: "8em" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

type FileState =
  | { readonly kind: "none" }
  | { readonly kind: "loading"; readonly name: string }
  | { readonly kind: "loaded"; readonly name: string }
  | { readonly kind: "failed"; readonly name: string; readonly message: string };

export interface ImportProfileSectionProps {
  readonly base: Catalog;
  readonly workbook: WorkbookAdapter;
  readonly view: WorkbookCatalogView;
  readonly onWritten: () => unknown;
  /** How a PDF becomes text; pdf.js in the page by default. */
  readonly readPdf?: PdfReader;
}

export function ImportProfileSection({ base, workbook, view, onWritten, readPdf }: ImportProfileSectionProps) {
  const styles = useStyles();
  const [text, setText] = useState("");
  const [file, setFile] = useState<FileState>({ kind: "none" });
  // Each reading gets its own number, so the add form (keyed by it) starts afresh with the new role's id and title.
  const [reading, setReading] = useState<{ readonly n: number; readonly result: ProfileReading } | null>(null);

  const read = (source: string): void => setReading((last) => ({ n: (last?.n ?? 0) + 1, result: readProfile(source, base) }));

  const chooseFile = async (chosen: File): Promise<void> => {
    setFile({ kind: "loading", name: chosen.name });
    try {
      const content = await fileText(chosen, readPdf);
      setText(content);
      setFile({ kind: "loaded", name: chosen.name });
      read(content);
    } catch (e) {
      setFile({ kind: "failed", name: chosen.name, message: e instanceof Error ? e.message : String(e) });
    }
  };

  const result = reading?.result;
  return (
    <section className={styles.section} aria-labelledby="import-profile-heading">
      <Text as="h2" id="import-profile-heading" size={400} weight="semibold">
        Import a role profile
      </Text>
      <Text as="p">
        A Skills for Health transferable role profile becomes a role in this workbook's catalog. Paste its text, or choose the
        document as a .txt or a PDF. An NHS national job profile document is read too: each profile scored from its levels.
      </Text>
      <Field label="Role profile text">
        <Textarea
          className={styles.text}
          resize="vertical"
          value={text}
          onChange={(_, data) => setText(data.value)}
          placeholder="Paste the profile here: Named Role, Career Framework Level, the competence tables…"
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={text.trim() === ""} onClick={() => read(text)}>
          Read the profile
        </Button>
      </div>
      <FileChooser label="Or choose a file (.txt or .pdf)" accept=".txt,.pdf,text/plain,application/pdf" onFile={(f) => void chooseFile(f)} />
      <div aria-live="polite">
        {file.kind === "loading" ? <Spinner size="tiny" labelPosition="after" label={`Reading ${file.name}…`} /> : null}
        {file.kind === "failed" ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{`${file.name} could not be read`}</MessageBarTitle>
              {file.message}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {result?.kind === "refused" ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Not a role profile</MessageBarTitle>
              {result.message}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {result?.kind === "read" && result.role === null ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>No role could be made</MessageBarTitle>
              The document lacks what a role needs; the problems below say what.
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {result?.kind === "national" ? <ParsedNationalProfiles profiles={result.profiles} problems={result.problems} /> : null}
      {result?.kind === "read" ? <ProfileProblems problems={result.problems} /> : null}
      {result?.kind === "read" && result.role ? (
        <>
          <ParsedProfile role={result.role} newCompetences={result.newCompetences} />
          <AddRoleForm
            key={reading!.n}
            base={base}
            workbook={workbook}
            view={view}
            role={result.role}
            newCompetences={result.newCompetences}
            onWritten={onWritten}
          />
          <ParsedCompetences base={base} role={result.role} />
        </>
      ) : null}
    </section>
  );
}
