/**
 * The Establishment tab: choose the funded establishment (the positions already in the workbook, the staffing
 * plan, or positions pasted or read from a CSV) and the staff in post (Staff in post as it is, an ESR extract
 * pasted or read from a CSV, or the range selected in the workbook after opening the extract in Excel), see how
 * their columns were read, then build or refresh the four sheets and see the totals and the positions needing
 * attention.
 */
import { Button, Field, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { type EstablishmentReconciliation, type StaffAssignment, defaultYear } from "../../domain";
import { FileChooser } from "../catalog/FileChooser";
import type { TabProps } from "../app/tabs";
import { costingWords } from "../costing/describeSheets";
import { WriteStatus } from "../writing/WriteStatus";
import { type SheetsJob, useSheetsWriter } from "../writing/useSheetsWriter";
import { PLAN_COST_CENTRE, buildEstablishment } from "../../workbook/establishment";
import { type Pasted, readPastedFunded, readPastedStaff, readSelectedStaff } from "./readPasted";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  figures: { display: "grid", gridTemplateColumns: "auto auto", columnGap: tokens.spacingHorizontalM, margin: 0 },
});

const todayIso = (): string => new Date().toISOString().slice(0, 10);
const wte = (n: number): string => n.toFixed(2);

function Mapping<T>({ label, pasted }: { label: string; pasted: Pasted<T> }) {
  const styles = useStyles();
  if (pasted === null) return null;
  if (!pasted.ok) return <Text role="alert">{pasted.message}</Text>;
  return (
    <div>
      <Text>
        {label}
        {pasted.from ? ` (${pasted.from})` : ""}: {pasted.items.length} rows. Columns read:
      </Text>
      <ul className={styles.list} aria-label={`${label}: columns read`}>
        {pasted.mapping.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

/** How the staffing plan's columns become positions, shown before anything is built. */
function PlanMapping() {
  const styles = useStyles();
  return (
    <div>
      <Text>Each post on the staffing plan becomes a position. Columns read:</Text>
      <ul className={styles.list} aria-label="Staffing plan: columns read">
        <li>"Post": the position</li>
        <li>"Cost centre": the cost centre; where it is blank, the cost centre "{PLAN_COST_CENTRE}"</li>
        <li>"Role", "Band": the role and band</li>
        <li>"WTE": the funded WTE</li>
      </ul>
    </div>
  );
}

function PastedField({ label, hint, value, onChange }: { label: string; hint: string; value: string; onChange: (text: string) => void }) {
  return (
    <>
      <Field label={label} hint={hint}>
        <Textarea resize="vertical" rows={4} value={value} spellCheck={false} onChange={(_, d) => onChange(d.value)} />
      </Field>
      <FileChooser label={`Or choose a CSV for ${label.toLowerCase()}`} accept=".csv,.txt,text/csv" onFile={(file) => void file.text().then(onChange)} />
    </>
  );
}

function Results({ result }: { result: EstablishmentReconciliation }) {
  const styles = useStyles();
  const t = result.totals;
  const attention = result.positions.filter((p) => p.status === "Vacant" || p.status === "Over-established" || p.bandMismatches > 0 || p.vacantOver90Days || p.fixedTermEnding > 0);
  const why = (p: (typeof attention)[number]): string =>
    [
      p.status === "Vacant" || p.status === "Over-established" ? `${p.status} (${wte(p.varianceWte)} WTE)` : null,
      p.vacantOver90Days ? "vacant over 90 days" : null,
      p.bandMismatches > 0 ? "band mismatch" : null,
      p.fixedTermEnding > 0 ? "fixed term ending" : null,
    ]
      .filter((x) => x !== null)
      .join(", ");
  return (
    <section aria-label="Establishment figures">
      <dl className={styles.figures}>
        <dt>Funded WTE</dt>
        <dd>{wte(t.fundedWte)}</dd>
        <dt>In post WTE</dt>
        <dd>{wte(t.inPostWte)}</dd>
        <dt>Vacant WTE</dt>
        <dd>{wte(t.vacantWte)}</dd>
        <dt>Over-established WTE</dt>
        <dd>{wte(t.overEstablishedWte)}</dd>
        <dt>Unfunded WTE</dt>
        <dd>{wte(t.unfundedWte)}</dd>
        <dt>Absent WTE</dt>
        <dd>{wte(t.absentWte)}</dd>
        <dt>Bank WTE (not counted)</dt>
        <dd>{wte(t.bankWte)}</dd>
        <dt>Match rate</dt>
        <dd>{t.matchRate === null ? "—" : `${(t.matchRate * 100).toFixed(1)}%`}</dd>
      </dl>
      <Text weight="semibold">
        {attention.length} positions need attention{result.unfunded.length > 0 ? `; ${result.unfunded.length} assignments are on unfunded positions` : ""}
      </Text>
      <ul className={styles.list} aria-label="Positions needing attention">
        {attention.slice(0, 25).map((p) => (
          <li key={p.funded.position}>
            {p.funded.position}: {why(p)}
          </li>
        ))}
      </ul>
      {attention.length > 25 ? <Text className={styles.hint}>…and {attention.length - 25} more on the Reconciliation sheet.</Text> : null}
    </section>
  );
}

export function EstablishmentTab({ catalog, workbook }: TabProps) {
  const styles = useStyles();
  const [fundedKind, setFundedKind] = useState<"workbook" | "plan" | "pasted">("pasted");
  const [staffKind, setStaffKind] = useState<"workbook" | "pasted" | "selection">("pasted");
  const [fundedText, setFundedText] = useState("");
  const [staffText, setStaffText] = useState("");
  const [result, setResult] = useState<EstablishmentReconciliation | null>(null);
  const writer = useSheetsWriter(workbook);
  const funded = useMemo(() => (fundedKind === "pasted" ? readPastedFunded(fundedText) : null), [fundedKind, fundedText]);
  const pastedStaff = useMemo(() => (staffKind === "pasted" ? readPastedStaff(staffText) : null), [staffKind, staffText]);
  // The selection is read when the user asks (it changes as they click about in Excel), and kept until asked again.
  const [selected, setSelected] = useState<Pasted<StaffAssignment>>(null);
  const [readingSelection, setReadingSelection] = useState(false);
  const staff = staffKind === "pasted" ? pastedStaff : staffKind === "selection" ? selected : null;
  const blocked = (fundedKind === "pasted" && !funded?.ok) || (staffKind !== "workbook" && !staff?.ok) || readingSelection;

  const readSelection = async (): Promise<void> => {
    if (!workbook.readSelection) return;
    setReadingSelection(true);
    try {
      setSelected(readSelectedStaff(await workbook.readSelection()));
    } catch (e) {
      setSelected({ ok: false, message: `The selected range couldn't be read: ${(e as Error).message}. Select one block of cells and try again.` });
    } finally {
      setReadingSelection(false);
    }
  };

  const build = (): void => {
    const job: SheetsJob = {
      title: "Establishment built",
      sheets: 6,
      words: costingWords,
      async run(book, { onConflict, onSheet }) {
        const outcome = await buildEstablishment(
          book,
          catalog,
          {
            funded: fundedKind === "pasted" && funded?.ok ? { kind: "positions", positions: funded.items } : { kind: fundedKind === "plan" ? "plan" : "workbook" },
            ...(staffKind !== "workbook" && staff?.ok ? { staff: staff.items } : {}),
            parameters: { asAt: todayIso(), year: defaultYear(catalog.pay), pensionBasis: "employer", includeLevy: false },
          },
          { onConflict, ...(onSheet ? { onSheet } : {}) },
        );
        setResult(outcome.reconciliation);
        const { dated, cleared } = outcome.vacantSince;
        const blank = outcome.withoutCostCentre;
        return {
          lines: [
            `${outcome.positionsKept} positions kept as they were, ${outcome.positionsAdded} added.`,
            ...(blank.length > 0
              ? [
                  `No cost centre on the staffing plan, so in "${PLAN_COST_CENTRE}": ${blank.slice(0, 10).join(", ")}${blank.length > 10 ? "…" : ""}. Type theirs in Cost centre on the Establishment sheet.`,
                ]
              : []),
            ...(dated.length > 0 ? [`Vacant since dated today: ${dated.slice(0, 10).join(", ")}${dated.length > 10 ? "…" : ""}.`] : []),
            ...(cleared.length > 0 ? [`Vacant since cleared (filled again): ${cleared.slice(0, 10).join(", ")}${cleared.length > 10 ? "…" : ""}.`] : []),
          ],
        };
      },
    };
    void writer.run(job);
  };

  return (
    <div className={styles.section}>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Funded establishment</legend>
        <RadioGroup value={fundedKind} onChange={(_, d) => setFundedKind(d.value as typeof fundedKind)} aria-label="Funded establishment from">
          <Radio value="pasted" label="Positions pasted or from a CSV" />
          <Radio value="plan" label="The staffing plan in this workbook" />
          <Radio value="workbook" label="The Establishment sheet as it is" />
        </RadioGroup>
        {fundedKind === "pasted" ? (
          <>
            <PastedField
              label="Positions"
              hint="With a header row: Position, Cost centre, Role, Band, Funded WTE, Budget, Vacant since. Copy them from Excel and paste here."
              value={fundedText}
              onChange={setFundedText}
            />
            <Mapping label="Positions" pasted={funded} />
          </>
        ) : null}
        {fundedKind === "plan" ? <PlanMapping /> : null}
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Staff in post (ESR extract)</legend>
        <RadioGroup value={staffKind} onChange={(_, d) => setStaffKind(d.value as typeof staffKind)} aria-label="Staff in post from">
          <Radio value="pasted" label="An ESR extract pasted or from a CSV" />
          <Radio value="selection" label="The range selected in the workbook" disabled={!workbook.readSelection} />
          <Radio value="workbook" label="The Staff in post sheet as it is" />
        </RadioGroup>
        {staffKind === "pasted" ? (
          <>
            <PastedField
              label="ESR extract"
              hint="With ESR's header row (Assignment Number, Position Number, Pay Band, FTE or Contracted Hours…). Names are never copied."
              value={staffText}
              onChange={setStaffText}
            />
            <Mapping label="ESR extract" pasted={staff} />
          </>
        ) : null}
        {staffKind === "selection" ? (
          <>
            <Text size={200} className={styles.hint}>
              Open the ESR extract in Excel and select it, header row included (whole columns will do). Names are never copied.
            </Text>
            <div>
              <Button disabledFocusable={readingSelection} onClick={() => void readSelection()}>
                Use the selected range
              </Button>
            </div>
            <Mapping label="Selected range" pasted={selected} />
          </>
        ) : null}
      </fieldset>
      <Text size={200} className={styles.hint}>
        Refreshing keeps your edits on the Establishment and Staff in post sheets. A position that falls vacant is dated today in Vacant since; one filled
        again loses that date; a date you type stays.
      </Text>
      <div>
        <Button appearance="primary" disabledFocusable={writer.busy || blocked} onClick={build}>
          Build or refresh establishment
        </Button>
      </div>
      <WriteStatus writer={writer} />
      {result ? <Results result={result} /> : null}
    </div>
  );
}
