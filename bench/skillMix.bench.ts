import { defaultCatalog } from "../src/catalog";
import { xlsxBuffer } from "../src/cli/xlsx/writeWorkbook";
import { competenceCover, personCoverage, teamCoverage } from "../src/domain";
import type { WriteResult } from "../src/excel/adapter";
import { WorkbookStore } from "../src/excel/memoryWorkbook";
import { OfficeWorkbookAdapter } from "../src/excel/officeAdapter";
import { teamPlans } from "../src/sheets/skillMix";
import { FakeExcel } from "../test/support/fakeExcel";
import { bigRegister } from "../test/support/skillTeam";

const PEOPLE = 2_000;
const COMPETENCES = 150;

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

const line = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);
const ms = (n: number) => `${n.toFixed(1).padStart(9)} ms`;

/**
 * A team skills register of 2,000 people × 150 competences: the domain's coverage, holders and single points of
 * failure; building the sheet plans; writing them to .xlsx; and writing them through the Office adapter (over the
 * Office.js fake, which counts syncs and measures every request).
 */
export async function runSkillMixBench(): Promise<void> {
  const catalog = defaultCatalog();
  const built = time(() => bigRegister(catalog, PEOPLE, COMPETENCES));
  const register = built.value.register;
  console.log(`\nSkill mix: a register of ${register.people.length.toLocaleString("en-GB")} people × ${register.competences.length} competences`);
  line("build the register (rebuild keeping every status)", ms(built.ms));
  // Warm once, then time: the first call pays for JIT compilation, not for the work.
  teamCoverage(register);
  line("coverage per person", ms(time(() => personCoverage(register)).ms));
  line("holders, holders' WTE and single points of failure", ms(time(() => competenceCover(register)).ms));
  const team = time(() => teamCoverage(register));
  line("team coverage (all of the above)", ms(team.ms));
  const plans = time(() => teamPlans(catalog, built.value));
  line(`sheet plans (${plans.value.map((p) => p.name).join(", ")})`, ms(plans.ms));
  const xlsx = await timeAsync(() => xlsxBuffer(plans.value));
  line(".xlsx written (src/cli/xlsx, into a buffer)", `${ms(xlsx.ms)}  ${(xlsx.value.length / 1e6).toFixed(1)} MB`);

  const fake = new FakeExcel(new WorkbookStore());
  fake.store.addSheet("Sheet1");
  const uninstall = fake.install();
  try {
    const adapter = new OfficeWorkbookAdapter();
    for (const plan of plans.value) {
      fake.reset();
      const written = await timeAsync(() => adapter.writeSheetPlan(plan));
      const r: WriteResult = written.value;
      const largest = Math.max(...fake.requests.map((q) => q.bytes));
      line(
        `Office.js (fake): ${plan.name}`,
        `${ms(written.ms)}  ${String(r.syncs).padStart(3)} syncs  ${String(r.writeRequests).padStart(3)} write requests  largest ${(largest / 1e6).toFixed(2)} MB (${r.status})`,
      );
    }
  } finally {
    uninstall();
  }
}
