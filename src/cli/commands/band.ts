import type { Catalog } from "../../catalog";
import { bandPosition } from "../../domain";
import { type CliIo, UsageError, printJson } from "../io";
import { parseScoreArgument } from "./arguments";

export const bandUsage = "wfp band <score> [--json]       the Agenda for Change band of a JE score";

/** `wfp band 598` → `8b`. */
export function bandCommand(catalog: Catalog, args: readonly string[], json: boolean, io: CliIo): void {
  if (args.length !== 1) throw new UsageError(`usage: ${bandUsage}`);
  const position = bandPosition(catalog.jeScheme, parseScoreArgument(args[0]!));
  if (json) {
    printJson(io, position);
    return;
  }
  io.out(`${position.band}\n`);
}
