/**
 * Shown when there is no workbook to work on: the page was opened in a plain browser (or another Office app), so
 * the planner explains that it is an Excel add-in and how to open it there.
 */
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  page: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "40em",
  },
  // Long paths break anywhere rather than widen the pane.
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    // Long paths break anywhere rather than widen the pane.
    overflowWrap: "anywhere",
  },
});

export function NeedsExcel({ host }: { host: string | null }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Text as="h1" size={600} weight="semibold">
        Workforce Planner needs Excel
      </Text>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{host ? `This is ${host}, not Excel.` : "This page is an Excel add-in."}</MessageBarTitle>
          It works on the open workbook, so it runs inside Excel's task pane rather than in a browser tab.
        </MessageBarBody>
      </MessageBar>
      <Text as="h2" size={400} weight="semibold">
        To open it in Excel
      </Text>
      <ol className={styles.steps}>
        <li>
          Excel on the web: open a workbook, then Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, and
          choose the planner's <Link href="manifest.xml">manifest.xml</Link>.
        </li>
        <li>
          Excel for Windows: share the folder holding <code>manifest.xml</code>, add it as a trusted add-in catalog
          (File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs), restart Excel, then
          Home → Add-ins → More Add-ins → Shared Folder.
        </li>
        <li>
          Excel for Mac: copy <code>manifest.xml</code> into{" "}
          <code>~/Library/Containers/com.microsoft.Excel/Data/Documents/wef</code>, restart Excel, then Home →
          Add-ins.
        </li>
        <li>Your IT team can also deploy the add-in to everyone from the Microsoft 365 admin centre.</li>
      </ol>
      <Text as="p">
        To look around without Excel, open the <Link href="?workbook=memory">demo with an in-memory workbook</Link>;
        nothing it writes leaves this page.
      </Text>
    </main>
  );
}
