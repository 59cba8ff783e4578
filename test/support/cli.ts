import { runCli } from "../../src/cli/main";

/** Runs a `wfp` command in-process and collects what it printed. */
export async function wfp(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
