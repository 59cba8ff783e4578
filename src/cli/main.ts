import { parseArgs } from "node:util";
import { defaultCatalog } from "../catalog";
import { DomainError } from "../domain";
import { bandCommand, bandUsage } from "./commands/band";
import { jeCommand, jeUsage } from "./commands/je";
import { roleCommand, roleUsage, rolesCommand, rolesUsage } from "./commands/roles";
import { type CliIo, UsageError } from "./io";

type Command = (catalog: ReturnType<typeof defaultCatalog>, args: readonly string[], json: boolean, io: CliIo) => void | Promise<void>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  band: { run: bandCommand, usage: bandUsage },
  je: { run: jeCommand, usage: jeUsage },
  roles: { run: rolesCommand, usage: rolesUsage },
  role: { run: roleCommand, usage: roleUsage },
};

export const HELP = `wfp — Workforce Planner for Excel, on the command line

${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join("\n")}

Every command takes --json for machine-readable output.
`;

/**
 * Runs one `wfp` command. Exit codes: 0 done; 1 the input was refused (a score with no band, an unknown role);
 * 2 the command was called wrongly. Errors are one line on stderr naming what was wrong.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let positionals: string[];
  let json: boolean;
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
    });
    positionals = parsed.positionals;
    json = parsed.values.json ?? false;
    if (parsed.values.help || positionals.length === 0) {
      io.out(HELP);
      return positionals.length === 0 && !parsed.values.help ? 2 : 0;
    }
  } catch (e) {
    io.err(`wfp: ${(e as Error).message.split("\n")[0]}\n`);
    return 2;
  }
  const [name, ...args] = positionals;
  const command = COMMANDS[name!];
  if (!command) {
    io.err(`wfp: unknown command '${name}'; commands: ${Object.keys(COMMANDS).join(", ")}\n`);
    return 2;
  }
  try {
    await command.run(defaultCatalog(), args, json, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`wfp: ${e.message}\n`);
      return 2;
    }
    if (e instanceof DomainError) {
      io.err(`wfp: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
