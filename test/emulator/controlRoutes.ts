/** The test-only control API (see the bottom of emulatorTypes.ts): no token, no faults, not recorded. */
import type { FaultOptions, RecordedRequest, RuntimeOptions } from './emulatorTypes';
import type { ArmResponse } from './router';
import { scaleSeed, type ScaleSeedOptions } from './scaleSeed';
import type { SeedData } from './seed';

export interface ControlTarget {
  requests: RecordedRequest[];
  setFaults(faults: FaultOptions): void;
  setOptions(options: RuntimeOptions): void;
  protectedSettingsOf(extensionId: string): Record<string, string> | undefined;
  reset(): void;
  useSeed(seed?: SeedData): void;
}

const fail = (status: number, message: string): ArmResponse => ({ status, body: { error: { code: 'BadRequest', message } } });

export function handleControl(method: string, path: string, query: URLSearchParams, body: unknown, target: ControlTarget): ArmResponse {
  const action = `${method} ${path.replace(/\/$/, '')}`;
  const object = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : undefined;
  try {
    switch (action) {
      case 'GET /_emulator/requests':
        return { status: 200, body: target.requests };
      case 'POST /_emulator/reset':
        target.reset();
        return { status: 200, body: {} };
      case 'POST /_emulator/faults':
        if (!object) {
          return fail(400, 'Expected FaultOptions as a JSON object.');
        }
        target.setFaults(object as FaultOptions);
        return { status: 200, body: object };
      case 'GET /_emulator/protected': {
        const id = query.get('id');
        if (!id) {
          return fail(400, 'Query parameter id (the extension ARM id) is required.');
        }
        return { status: 200, body: target.protectedSettingsOf(id) ?? null };
      }
      case 'POST /_emulator/options':
        if (!object) {
          return fail(400, 'Expected { operationDelayMs?, pageSize?, failNextOperation?, armBudget?, echoProtectedSettings?, resourceGraphLagMs?, resourceGraphForbidden? }.');
        }
        target.setOptions(object as RuntimeOptions);
        return { status: 200, body: object };
      case 'POST /_emulator/seed': {
        const scale = (object as { scale?: ScaleSeedOptions } | undefined)?.scale;
        target.useSeed(scale ? scaleSeed(scale) : undefined);
        return { status: 200, body: {} };
      }
      default:
        return { status: 404, body: { error: { code: 'NotFound', message: `No control route ${action}.` } } };
    }
  } catch (error) {
    // Bad knob values (a rate outside 0..1, an invalid pathPattern) are the caller's mistake.
    return fail(400, error instanceof Error ? error.message : String(error));
  }
}
