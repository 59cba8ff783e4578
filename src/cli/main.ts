import { parseArgs } from "node:util";
import { CatalogError, defaultCatalog } from "../catalog";
import { DomainError } from "../domain";
import { bandCommand, bandUsage } from "./commands/band";
import { type CostFlags, costCommand, costOptions, costUsage } from "./commands/cost";
import { type EstablishmentFlags, establishmentCommand, establishmentOptions, establishmentUsage } from "./commands/establishment";
import { type ForecastFlags, forecastCommand, forecastOptions, forecastUsage } from "./commands/forecast";
import { type ImportFlags, importCommand, importOptions, importUsage } from "./commands/import";
import { jeCommand, jeUsage } from "./commands/je";
import { type MatrixFlags, matrixCommand, matrixOptions, matrixUsage } from "./commands/matrix";
import { type PlanFlags, planCommand, planOptions, planUsage } from "./commands/plan";
import { roleCommand, roleUsage, rolesCommand, rolesUsage } from "./commands/roles";
import { type WorkbookFlags, workbookCommand, workbookOptions, workbookUsage } from "./commands/workbook";
import { type CliIo, UsageError } from "./io";

type Catalog = ReturnType<typeof defaultCatalog>;
type Flags = Record<string, string | boolean | undefined>;
type OptionSpec = Record<string, { type: "string" | "boolean" }>;

interface CommandSpec {
  usage: string;
  options?: OptionSpec;
  run(catalog: Catalog, args: readonly string[], flags: Flags, json: boolean, io: CliIo): void | Promise<void>;
}

const simple = (run: (catalog: Catalog, args: readonly string[], json: boolean, io: CliIo) => void, usage: string): CommandSpec => ({
  usage,
  run: (catalog, args, _flags, json, io) => run(catalog, args, json, io),
});

const COMMANDS: Record<string, CommandSpec> = {
  band: simple(bandCommand, bandUsage),
  je: simple(jeCommand, jeUsage),
  roles: simple(rolesCommand, rolesUsage),
  role: simple(roleCommand, roleUsage),
  cost: { usage: costUsage, options: costOptions, run: (c, a, f, j, io) => costCommand(c, a, f as CostFlags, j, io) },
  import: { usage: importUsage, options: importOptions, run: (c, a, f, j, io) => importCommand(c, a, f as ImportFlags, j, io) },
  plan: { usage: planUsage, options: planOptions, run: (c, a, f, _j, io) => planCommand(c, a, f as PlanFlags, io) },
  workbook: { usage: workbookUsage, options: workbookOptions, run: (c, a, f, _j, io) => workbookCommand(c, a, f as WorkbookFlags, io) },
  establishment: {
    usage: establishmentUsage,
    options: establishmentOptions,
    run: (c, a, f, j, io) => establishmentCommand(c, a, f as EstablishmentFlags, j, io),
  },
  forecast: { usage: forecastUsage, options: forecastOptions, run: (c, a, f, j, io) => forecastCommand(c, a, f as ForecastFlags, j, io) },
  matrix: { usage: matrixUsage, options: matrixOptions, run: (c, a, f, _j, io) => matrixCommand(c, a, f as MatrixFlags, io) },
};

export const HELP = `wfp — Workforce Planner for Excel, on the command line

${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join("\n")}

Every command takes --json for machine-readable output. Commands that write a workbook never replace an
existing file unless given --force, and never write over one of their input files.
Exit codes: 0 done; 1 input refused (one line on stderr says what and where); 2 command called wrongly; 3 a bug.
`;

/**
 * Runs one `wfp` command. Exit codes: 0 done; 1 the input was refused (a score with no band, an unknown role, a
 * file that cannot be read or written, an --out that exists without --force); 2 the command was called wrongly;
 * 3 a bug in wfp. Every error is one line on stderr naming what was wrong and where.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`wfp: unknown command '${name}'; commands: ${Object.keys(COMMANDS).join(", ")}\n`);
    return 2;
  }
  let args: string[];
  let flags: Flags;
  const options: OptionSpec = { json: { type: "boolean" }, ...(command.options ?? {}) };
  try {
    const parsed = parseArgs({
      args: joinNegativeValues(rest, options),
      allowPositionals: true,
      allowNegative: false,
      strict: true,
      tokens: true,
      options,
    });
    const given = new Set<string>();
    for (const token of parsed.tokens) {
      if (token.kind !== "option") continue;
      if (given.has(token.name)) throw new UsageError(`--${token.name} is given twice; give it once`);
      given.add(token.name);
    }
    args = parsed.positionals;
    flags = parsed.values as Flags;
  } catch (e) {
    io.err(`wfp: ${(e as Error).message.split("\n")[0]!.replace(/\. To specify a positional argument.*$/, "")}; usage: ${command.usage}\n`);
    return 2;
  }
  try {
    await command.run(defaultCatalog(), args, flags, flags.json === true, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`wfp: ${oneLine(e.message)}\n`);
      return 2;
    }
    if (e instanceof DomainError) {
      io.err(`wfp: ${oneLine(e.message)}\n`);
      return 1;
    }
    if (e instanceof CatalogError) {
      const [first, ...rest] = e.issues;
      io.err(`wfp: the catalog is not valid: ${first ? oneLine(`${first.path}: ${first.message}`) : "no details"}${rest.length > 0 ? ` (and ${rest.length} more)` : ""}\n`);
      return 1;
    }
    // A bug, not the user's mistake: still one line (the stack only when asked for), exit 3.
    const error = e instanceof Error ? e : new Error(String(e));
    io.err(`wfp: internal error: ${error.message.split("\n")[0]}${process.env.WFP_DEBUG === "1" ? `\n${error.stack ?? ""}` : " (set WFP_DEBUG=1 for details)"}\n`);
    return 3;
  }
}

/** Errors are one line on stderr: a message that quotes a file's text (a JSON parse error) has its line breaks folded. */
const oneLine = (message: string): string => message.replace(/\s*[\r\n]+\s*/g, " ");

/**
 * `--wte -1` as `--wte=-1`: a value that starts with "-" and is a number belongs to the option before it (Node's
 * parseArgs would call it an ambiguous argument), so the command can say what is wrong with the number.
 */
function joinNegativeValues(args: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : null;
    if (name !== null && options[name]?.type === "string" && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
