/** How a write to the Catalog sheet went: the writer's status, then what changed on the sheet once written. */
import { Text } from "@fluentui/react-components";
import { WriteStatus } from "../writing/WriteStatus";
import { describeMerge } from "./describeMerge";
import type { CatalogWriter } from "./useCatalogWriter";

export function CatalogWriteOutcome({ catalogWriter }: { readonly catalogWriter: CatalogWriter }) {
  return (
    <>
      <WriteStatus writer={catalogWriter.writer} />
      {catalogWriter.merge
        ? describeMerge(catalogWriter.merge).map((line) => (
            <Text key={line} as="p" block>
              {line}
            </Text>
          ))
        : null}
    </>
  );
}
