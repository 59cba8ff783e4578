/** A role's competences by section, each section's principles as collapsible panels (all closed at first). */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SectionGroup } from "./roleSearch";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  item: { marginBottom: tokens.spacingVerticalXS },
  code: { color: tokens.colorNeutralForeground3 },
});

export function CompetenceGroups({ sections }: { sections: readonly SectionGroup[] }) {
  const styles = useStyles();
  return (
    <>
      {sections.map((s) => {
        const count = s.principles.reduce((n, p) => n + p.competences.length, 0);
        return (
          <section key={s.section} className={styles.section} aria-label={s.label}>
            <Text as="h4" weight="semibold" size={300} block>
              {`${s.label} (${count})`}
            </Text>
            <Accordion multiple collapsible>
              {s.principles.map((p) => (
                <AccordionItem key={p.principleId} value={p.principleId}>
                  <AccordionHeader>{`${p.heading} (${p.competences.length})`}</AccordionHeader>
                  <AccordionPanel>
                    <ul className={styles.list}>
                      {p.competences.map((c, i) => (
                        <li key={i} className={styles.item}>
                          {c.title}
                          {c.code ? <span className={styles.code}>{` · ${c.code}`}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          </section>
        );
      })}
    </>
  );
}
