/**
 * Validates recorded emulator traffic against the official swagger with oav's LiveValidator (offline: it reads the spec
 * files vendored in test/fixtures/arm-spec). The KubernetesConfiguration specs reference common-types through two different relative
 * depths (extensions.json climbs one directory more than extensionTypes.json), so oav gets a temporary root where both
 * resolve: <tmp>/specification -> arm-spec/specification and <tmp>/common-types -> arm-spec/specification/common-types.
 * Nothing is copied. oav is loaded at run time so that a missing devDependency fails this test, not the whole build.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { RecordedRequest } from '../../emulator/emulatorTypes';

interface LiveIssue {
  code: string;
  message: string;
  jsonPathsInPayload?: string[];
}
interface LiveResult {
  errors: LiveIssue[];
  runtimeException?: { code: string; message: string };
}
interface OavLiveValidator {
  initialize(): Promise<void>;
  validateLiveRequestResponse(pair: {
    liveRequest: { url: string; method: string; headers: Record<string, string>; body?: Record<string, unknown> };
    liveResponse: { statusCode: string; headers: Record<string, string>; body?: Record<string, unknown> };
  }): Promise<{ requestValidationResult: LiveResult; responseValidationResult: LiveResult; runtimeException?: { message: string } }>;
}
type OavModule = {
  LiveValidator: new (options: Record<string, unknown>, log?: (message: string, level: string) => void) => OavLiveValidator;
};

/** `swaggers`: which specs to load, as globs under specification/ (default: KubernetesConfiguration's). */
export async function createSpecValidator(specificationDir: string, swaggers = ['specification/kubernetesconfiguration/**/*.json']): Promise<(traffic: RecordedRequest[]) => Promise<string[]>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see the header comment
  const oav = require('oav') as OavModule;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aksext-arm-spec-'));
  fs.symlinkSync(specificationDir, path.join(root, 'specification'), 'dir');
  fs.symlinkSync(path.join(specificationDir, 'common-types'), path.join(root, 'common-types'), 'dir');
  const validator = new oav.LiveValidator(
    {
      directory: root,
      swaggerPathsPattern: swaggers,
      excludedSwaggerPathsPattern: ['**/examples/**'],
      git: { shouldClone: false },
      isPathCaseSensitive: false,
    },
    () => undefined, // oav logs every file it loads; the test reports what matters
  );
  await validator.initialize();

  return async (traffic) => {
    const problems: string[] = [];
    for (const record of traffic) {
      const jsonHeaders = { 'content-type': 'application/json' };
      const result = await validator.validateLiveRequestResponse({
        liveRequest: { url: `https://management.azure.com${record.url}`, method: record.method, headers: jsonHeaders, body: record.body as Record<string, unknown> | undefined },
        liveResponse: {
          statusCode: String(record.status),
          headers: lowerCaseKeys(record.responseHeaders ?? {}),
          body: record.responseBody as Record<string, unknown> | undefined,
        },
      });
      const where = `${record.method} ${record.url} -> ${record.status}`;
      for (const [side, part] of [['request', result.requestValidationResult], ['response', result.responseValidationResult]] as const) {
        if (part.runtimeException) {
          problems.push(`${where}: ${side}: ${part.runtimeException.code} ${part.runtimeException.message}`);
        }
        for (const issue of part.errors) {
          problems.push(`${where}: ${side}: ${issue.code} ${issue.message} at ${(issue.jsonPathsInPayload ?? []).join(', ')}`);
        }
      }
    }
    return problems;
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
