/**
 * The pay reference: choose the years, insert "Pay scales" and "On-costs" as tables with each figure's source and
 * status. Pay figures the user edited stay, and years already in the workbook stay.
 */
import { Button, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { payTablesJob } from "./costingJobs";
import { yearChoices } from "./costingText";
import { WriteStatus } from "../writing/WriteStatus";
import { useSheetsWriter } from "../writing/useSheetsWriter";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  paragraph: { margin: 0 },
  years: { display: "flex", flexDirection: "column", border: "none", margin: 0, padding: 0, minWidth: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

export function PayTablesSection({ catalog, workbook }: { catalog: Catalog; workbook: WorkbookAdapter }) {
  const styles = useStyles();
  const choices = yearChoices(catalog.pay);
  const [chosen, setChosen] = useState<string[]>(() => choices.filter((c) => !c.indicative).map((c) => c.year));
  const [tried, setTried] = useState(false);
  const writer = useSheetsWriter(workbook);
  const firstBox = useRef<HTMLInputElement>(null);
  const none = tried && chosen.length === 0;

  const toggle = (year: string, on: boolean): void =>
    setChosen((current) => (on ? [...current, year] : current.filter((y) => y !== year)));
  const insert = (): void => {
    setTried(true);
    if (chosen.length === 0) {
      firstBox.current?.focus();
      return;
    }
    void writer.run(payTablesJob(catalog, chosen));
  };

  return (
    <div className={styles.section}>
      <Text as="p" className={styles.paragraph}>
        Full-time pay for every band and point, and the employer NI, pension, levy and HCAS rates, as Excel tables with
        each figure's source and status. The staffing plan's formulas read them.
      </Text>
      {/* Not a Field: a Field would hand its one id to every checkbox. */}
      <fieldset className={styles.years} aria-describedby={none ? "costing-years-problem" : undefined}>
        <legend className={styles.legend}>Years</legend>
          {choices.map((c, i) => (
            <Checkbox
              key={c.year}
              ref={i === 0 ? firstBox : undefined}
              checked={chosen.includes(c.year)}
              onChange={(_, data) => toggle(c.year, data.checked === true)}
              label={`${c.year}: ${c.basis}`}
            />
          ))}
        {none ? (
          <Text id="costing-years-problem" size={200} className={styles.problem}>
            Choose at least one year
          </Text>
        ) : null}
      </fieldset>
      <Text size={200}>
        Pay figures you edited on the Pay scales sheet are kept, and years already in the workbook stay. Building the
        staffing plan inserts these tables too, for every year.
      </Text>
      <div>
        <Button appearance="primary" disabledFocusable={writer.busy} onClick={insert}>
          Insert pay scales and on-costs
        </Button>
        <WriteStatus writer={writer} />
      </div>
    </div>
  );
}
