// Tests module of the second half of the restart check, in the extension host that replaced the one beforeRestart.ts ran in.
import * as path from 'node:path';
import { runMocha } from '../mochaRun';

export function run(): Promise<void> {
  return runMocha([path.join(__dirname, 'rolloutResumed.js')]);
}
