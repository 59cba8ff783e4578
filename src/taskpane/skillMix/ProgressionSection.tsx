/**
 * "Progression": role A and role B, the count of competences to gain shown as soon as both are picked, then
 * "Insert progression sheet", which writes role A → role B through buildProgression.
 */
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Catalog } from "../../catalog";
import { type Role, progressionGap } from "../../domain";
import type { WorkbookAdapter } from "../../excel/adapter";
import { buildProgression } from "../../workbook/skillMix";
import { plural, runReport, skillMixJob } from "./describeSkillMix";
import { useSheetsWriter } from "../writing/useSheetsWriter";
import type { WriteLock } from "../writing/writeLock";
import { WriteStatus } from "../writing/WriteStatus";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  field: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
  select: { minWidth: 0, maxWidth: "100%" },
  gap: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

/** A natural first pair: the lowest-level role, and the next level up in its service (Peer Support → Senior Engagement). */
export function defaultPair(roles: readonly Role[]): [string, string] {
  const byLevel = [...roles].sort((a, b) => a.careerFrameworkLevel - b.careerFrameworkLevel);
  const from = byLevel[0];
  if (!from) return ["", ""];
  const to = byLevel.find((r) => r.service === from.service && r.careerFrameworkLevel > from.careerFrameworkLevel) ?? byLevel.find((r) => r !== from) ?? from;
  return [from.id, to.id];
}

function RoleField({ label, roles, value, onChange, problem }: { label: string; roles: readonly Role[]; value: string; onChange: (id: string) => void; problem?: string }) {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.field} validationState={problem ? "error" : "none"} validationMessage={problem}>
      <Select className={styles.select} value={value} onChange={(_, data) => onChange(data.value)}>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ProgressionSection({ catalog, workbook, lock }: { catalog: Catalog; workbook: WorkbookAdapter; lock: WriteLock }) {
  const styles = useStyles();
  const runner = useSheetsWriter(workbook, lock);
  const [[fromId, toId], setPair] = useState(() => defaultPair(catalog.roles));
  const from = catalog.roles.find((r) => r.id === fromId);
  const to = catalog.roles.find((r) => r.id === toId);
  const same = from !== undefined && from === to;
  const gap = from && to && !same ? progressionGap(catalog, from, to) : null;

  const insert = (): void => {
    if (!gap) return;
    const { from: a, to: b, toGain } = gap;
    void runner.run(
      skillMixJob("Progression inserted", async (wb, options) => {
        await buildProgression(wb, catalog, a.id, b.id, options);
        return runReport([`${a.title} → ${b.title}: ${plural(toGain, "competence")} to gain.`]);
      }),
    );
  };

  return (
    <div className={styles.section}>
      <Text>What someone in role A needs to gain to move to role B, by principle, with role B's learning and development.</Text>
      <RoleField label="From role (A)" roles={catalog.roles} value={fromId} onChange={(id) => setPair([id, toId])} />
      <RoleField
        label="To role (B)"
        roles={catalog.roles}
        value={toId}
        onChange={(id) => setPair([fromId, id])}
        {...(same ? { problem: "Pick a role B other than role A." } : {})}
      />
      <div role="status" className={styles.gap}>
        {gap ? (
          <>
            <Text weight="semibold">{plural(gap.toGain, "competence")} to gain</Text>
            <Text size={200}>
              Role B requires {gap.toRequired}; role A already requires {gap.carried}
              {gap.toRequired > 0 ? ` (${Math.round((gap.carried / gap.toRequired) * 100)}% of B's)` : ""}.
            </Text>
          </>
        ) : null}
      </div>
      <div>
        <Button appearance="primary" disabledFocusable={lock.busy || !gap} onClick={insert}>
          Insert progression sheet
        </Button>
      </div>
      <WriteStatus writer={runner} />
    </div>
  );
}
