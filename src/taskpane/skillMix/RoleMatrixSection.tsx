/**
 * "Role matrix": which roles go in the matrix (checkboxes by service; every Liaison and Diversion and RECONNECT
 * role to start with), then "Insert role matrix", which writes or refreshes the Role matrix sheet through
 * buildRoleMatrix.
 */
import { Button, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Catalog } from "../../catalog";
import { type Role, SERVICE_LABELS, SERVICES, type Service } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { buildRoleMatrix } from "../../workbook/skillMix";
import { plural, runReport, skillMixJob } from "./describeSkillMix";
import { useSheetsWriter } from "../writing/useSheetsWriter";
import type { WriteLock } from "../writing/writeLock";
import { WriteStatus } from "../writing/WriteStatus";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  service: { display: "flex", flexDirection: "column", marginTop: tokens.spacingVerticalS },
  serviceName: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The matrix's roles to start with: the Liaison and Diversion and RECONNECT ones. */
export const inMatrixByDefault = (role: Role): boolean => role.service === "liaison-diversion" || role.service === "reconnect";

export function RoleMatrixSection({ catalog, workbook, lock }: { catalog: Catalog; workbook: WorkbookAdapter; lock: WriteLock }) {
  const styles = useStyles();
  const runner = useSheetsWriter(workbook, lock);
  // What the user changed, by role id; the rest keep their default (so a role added to the catalog later has one).
  const [picked, setPicked] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const firstBox = useRef<HTMLInputElement>(null);
  const isChosen = (role: Role): boolean => picked.get(role.id) ?? inMatrixByDefault(role);
  const chosen = catalog.roles.filter(isChosen);
  const byService = SERVICES.map((s) => ({ service: s as Service, roles: catalog.roles.filter((r) => r.service === s) })).filter((g) => g.roles.length > 0);

  const toggle = (role: Role, on: boolean): void => {
    setPicked((current) => new Map(current).set(role.id, on));
    if (on) setProblem(null);
  };
  const insert = (): void => {
    if (chosen.length === 0) {
      setProblem("Choose at least one role for the matrix.");
      firstBox.current?.focus();
      return;
    }
    const ids = chosen.map((r) => r.id);
    void runner.run(
      skillMixJob("Role matrix inserted", async (wb, options) => {
        await buildRoleMatrix(wb, catalog, ids, options);
        return runReport([`${plural(ids.length, "role")}: ${chosen.map((r) => r.title).join("; ")}.`]);
      }),
    );
  };

  const firstId = byService[0]?.roles[0]?.id;
  return (
    <div className={styles.section}>
      <Text>Competences as rows, grouped by principle and function; the roles you choose as columns, marked core or specific, with counts and each pair's overlap.</Text>
      <fieldset className={styles.group} aria-describedby={problem ? "skill-mix-matrix-problem" : undefined}>
        <legend className={styles.legend}>
          Roles in the matrix ({chosen.length} of {catalog.roles.length})
        </legend>
        {byService.map((g) => (
          <div key={g.service} className={styles.service} role="group" aria-label={SERVICE_LABELS[g.service]}>
            <Text size={200} className={styles.serviceName} aria-hidden>
              {SERVICE_LABELS[g.service]}
            </Text>
            {g.roles.map((role) => (
              <Checkbox
                key={role.id}
                ref={role.id === firstId ? firstBox : undefined}
                checked={isChosen(role)}
                onChange={(_, data) => toggle(role, data.checked === true)}
                label={role.title}
              />
            ))}
          </div>
        ))}
        {problem ? (
          <Text id="skill-mix-matrix-problem" role="alert" className={styles.problem}>
            {problem}
          </Text>
        ) : null}
      </fieldset>
      <div>
        <Button appearance="primary" disabledFocusable={lock.busy} onClick={insert}>
          Insert role matrix
        </Button>
      </div>
      <Text size={200} className={styles.hint}>
        Inserting again refreshes the Role matrix sheet with the roles chosen now.
      </Text>
      <WriteStatus writer={runner} />
    </div>
  );
}
