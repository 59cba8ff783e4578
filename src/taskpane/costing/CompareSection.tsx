/**
 * Compare scenarios: scenario B starts as a copy of the staffing plan's posts on "Staffing plan B" (once; after
 * that it is the user's to change), and "Compare scenarios" sets WTE and cost by band and role side by side.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Catalog } from "../../catalog";
import type { WorkbookAdapter } from "../../excel/adapter";
import { compareJob } from "./costingJobs";
import { WriteStatus } from "../writing/WriteStatus";
import { useSheetsWriter } from "../writing/useSheetsWriter";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  paragraph: { margin: 0 },
});

export function CompareSection({ catalog, workbook }: { catalog: Catalog; workbook: WorkbookAdapter }) {
  const styles = useStyles();
  const writer = useSheetsWriter(workbook);
  return (
    <div className={styles.section}>
      <Text as="p" className={styles.paragraph}>
        The first time, scenario B is a copy of the staffing plan's posts on its own sheet, “Staffing plan B”: change it
        there (add, remove or re-band posts). The “Compare scenarios” sheet shows WTE and cost by band and by role in
        both, and the difference; it follows every edit to either plan.
      </Text>
      <Text size={200}>Once scenario B exists it is left as you have it: comparing again only rewrites the comparison.</Text>
      <div>
        <Button appearance="primary" disabledFocusable={writer.busy} onClick={() => void writer.run(compareJob(catalog))}>
          Compare scenarios
        </Button>
        <WriteStatus writer={writer} />
      </div>
    </div>
  );
}
