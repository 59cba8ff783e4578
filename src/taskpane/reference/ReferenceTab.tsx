/**
 * The Reference tab: writes the JE and banding reference sheet (bands, factors, career levels as tables), and
 * checks this Excel against the add-in's own figures.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { CAREER_LEVELS_TABLE, JE_BANDS_TABLE, JE_FACTORS_TABLE, jeReferenceSheet } from "../../sheets/jeReference";
import { InsertSheet } from "../writing/InsertSheet";
import { SelfCheckSection } from "./SelfCheckSection";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export function ReferenceTab({ catalog, workbook }: { catalog: Catalog; workbook: WorkbookAdapter }) {
  const styles = useStyles();
  const plan = useMemo(() => jeReferenceSheet(catalog), [catalog]);
  return (
    <div className={styles.tab}>
      <Text as="p">
        One sheet with the NHS Job Evaluation scheme and Agenda for Change banding, as Excel tables your formulas can
        use:
      </Text>
      <ul className={styles.list}>
        <li>
          <code>{JE_BANDS_TABLE}</code>: each band's JE score range
        </li>
        <li>
          <code>{JE_FACTORS_TABLE}</code>: the 16 factors and the score of each level
        </li>
        <li>
          <code>{CAREER_LEVELS_TABLE}</code>: the career framework levels
        </li>
      </ul>
      <InsertSheet
        workbook={workbook}
        label="Insert JE and banding reference"
        job={{ what: "JE and banding reference", sheet: plan.name, makePlan: () => plan }}
      />
      <SelfCheckSection catalog={catalog} workbook={workbook} />
    </div>
  );
}
