// Tests module of the first half of the restart check: the runner loads it after the main tests, then reloads the
// workbench with afterRestart.ts, which gets a new extension host (see test/runner/runIntegrationTests.ts).
import * as path from 'node:path';
import { runMocha } from '../mochaRun';

export function run(): Promise<void> {
  return runMocha([path.join(__dirname, 'rolloutUnderWay.js')]);
}
