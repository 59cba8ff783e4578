/**
 * Adding a role read from a profile to the workbook's Catalog sheet: the user settles its id and title (the
 * document's role may share them with a built-in role), sees what adding it will do, and adds it.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Catalog } from "../../catalog";
import type { Competence, Role } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { type WorkbookCatalogView, planCatalogAddition } from "../../workbook/catalog";
import { CatalogWriteOutcome } from "./CatalogWriteOutcome";
import { type AdditionCheck, checkAddition } from "./profileImport";
import { useCatalogWriter } from "./useCatalogWriter";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // One above the other: an id such as "liaison-diversion-service-manager" needs the pane's whole width.
  row: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface AddRoleFormProps {
  readonly base: Catalog;
  readonly workbook: WorkbookAdapter;
  readonly view: WorkbookCatalogView;
  readonly role: Role;
  readonly newCompetences: readonly Competence[];
  readonly onWritten: () => unknown;
}

function checkMessage(check: AdditionCheck): { intent: "info" | "warning"; text: string } | null {
  switch (check.kind) {
    case "new":
      return null;
    case "replaces-built-in":
      return { intent: "info", text: `This workbook will use this role instead of the built-in “${check.title}” (same Role id). Give it another id and title to keep both.` };
    case "replaces-workbook-role":
      return { intent: "warning", text: `The Catalog sheet already has this Role id (“${check.title}”). Adding replaces its row and its core and role-specific competences; its locality-specific competences stay.` };
    case "blocked":
      return null;
  }
}

export function AddRoleForm({ base, workbook, view, role, newCompetences, onWritten }: AddRoleFormProps) {
  const styles = useStyles();
  const [id, setId] = useState(role.id);
  const [title, setTitle] = useState(role.title);
  const catalogWriter = useCatalogWriter(workbook, onWritten);
  const check = checkAddition({ id, title }, view);
  // Once this form has written the role, the sheet having its id is the news, not a warning.
  const justWritten = catalogWriter.merge !== null && [...catalogWriter.merge.added, ...catalogWriter.merge.replaced].includes(id.trim());
  const message = justWritten ? null : checkMessage(check);
  const replace = check.kind === "replaces-workbook-role";

  const add = (): void => {
    const chosen: Role = { ...role, id: id.trim(), title: title.trim() };
    catalogWriter.write(view.sheet, () =>
      planCatalogAddition(workbook, base, { roles: [chosen], locality: [], competences: newCompetences }, { replace }),
    );
  };

  return (
    <section className={styles.form} aria-label="Add to the workbook">
      <div className={styles.row}>
        <Field
          label="Role id"
          validationState={check.kind === "blocked" && check.field === "id" ? "error" : "none"}
          validationMessage={check.kind === "blocked" && check.field === "id" ? check.reason : undefined}
        >
          <Input value={id} onChange={(_, data) => setId(data.value)} />
        </Field>
        <Field
          label="Title"
          validationState={check.kind === "blocked" && check.field === "title" ? "error" : "none"}
          validationMessage={check.kind === "blocked" && check.field === "title" ? check.reason : undefined}
        >
          <Input value={title} onChange={(_, data) => setTitle(data.value)} />
        </Field>
      </div>
      {message ? (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" disabled={check.kind === "blocked"} disabledFocusable={catalogWriter.writer.busy} onClick={add}>
          {replace ? "Replace in the Catalog sheet" : "Add to the Catalog sheet"}
        </Button>
        <CatalogWriteOutcome catalogWriter={catalogWriter} />
      </div>
    </section>
  );
}
