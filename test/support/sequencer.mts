// The order test files start in: vitest's own (by project, then the longest or largest first), except that the
// files needing the production build (the browser tests and the build test) start after every other file of the run,
// whatever their project. On a whole run the build starts with the run (globalSetup) and takes a minute or more of
// CPU beside the tests; a browser test reached before it is done holds its worker idle until it is. Last in the whole
// run rather than last in the node project, the task pane's jsdom tests run in that time too: the faster the node
// tests get, the sooner the browser tests would otherwise arrive while the build is still under way.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const NEEDS_BUILD = /[\\/]test[\\/](browser[\\/]|build\.test\.ts$)/;

export default class BuildLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // vitest runs the files of projects sharing a sequence.groupOrder (ours do) in one queue, in this order.
    return [...sorted.filter((spec) => !NEEDS_BUILD.test(spec.moduleId)), ...sorted.filter((spec) => NEEDS_BUILD.test(spec.moduleId))];
  }
}
