/** The header's demo badge: a chunk of its own, as only the demo shows it (loaded with the demo's workbook). */
import { Badge } from "@fluentui/react-components";

export function DemoBadge({ className }: { className: string }) {
  return (
    <Badge className={className} appearance="filled" color="informative">
      Demo: an in-memory workbook, not Excel
    </Badge>
  );
}
