/**
 * The spec examples vendored in test/fixtures/arm-spec (SOURCE there names each file's origin and commit), and how a
 * recorded emulator answer is compared with one: the example's status and shape (specShape.ts).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { RecordedRequest, RunningEmulator } from '../../emulator/emulatorTypes';
import { shapeDifferences } from './specShape';

export interface Example {
  parameters: Record<string, unknown>;
  responses: Record<string, { headers?: Record<string, string>; body?: unknown }>;
}

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    dir = path.dirname(dir);
  }
  return dir;
}

export const SPEC = path.join(repoRoot(), 'test', 'fixtures', 'arm-spec', 'specification');
export const KUBERNETES_CONFIGURATION = path.join(SPEC, 'kubernetesconfiguration', 'resource-manager', 'Microsoft.KubernetesConfiguration');

export const readExample = (dir: string, name: string): Example => JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Example;
export const exampleBody = (ex: Example, status: string): unknown => ex.responses[status]?.body;
export const exampleParameter = (ex: Example, name: string): string => String(ex.parameters[name]);

/** The recorded answer to the n-th request with this method whose path ends with `pathEnd`. */
export function recordedRequest(emulator: RunningEmulator, method: string, pathEnd: string, n = 0): RecordedRequest {
  const found = emulator.requests.filter((r) => r.method === method && r.url.split('?')[0].toLowerCase().endsWith(pathEnd.toLowerCase()))[n];
  assert.ok(found, `no recorded ${method} …${pathEnd} #${n}`);
  return found;
}

/** The recorded answer has one of the example's statuses and that response's shape; `allowExtra` as in shapeDifferences. */
export function assertMatchesExample(record: RecordedRequest, ex: Example, allowExtra: string[] = []): void {
  const status = String(record.status);
  assert.ok(status in ex.responses, `status ${status} is not among the example's ${Object.keys(ex.responses).join(', ')}`);
  assert.deepStrictEqual(shapeDifferences(record.responseBody, ex.responses[status].body, allowExtra), [], `${record.method} ${record.url}`);
}
