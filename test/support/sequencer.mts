// The order test files start in: vitest's own (by project, then the longest or largest first), except that the
// files needing the production build (the browser tests and the build test) start last in their project. The build
// starts with the run (globalSetup); a browser test at the front of the queue would hold a worker idle while the
// build takes a core, leaving the machine half used for the build's half minute.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const NEEDS_BUILD = /[\\/]test[\\/](browser[\\/]|build\.test\.ts$)/;

export default class BuildLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Projects keep vitest's order among themselves; in each, the files that need the build move to its end.
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    return projects.flatMap((name) => {
      const mine = sorted.filter((spec) => spec.project.name === name);
      return [...mine.filter((spec) => !NEEDS_BUILD.test(spec.moduleId)), ...mine.filter((spec) => NEEDS_BUILD.test(spec.moduleId))];
    });
  }
}
