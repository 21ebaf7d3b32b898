import * as path from 'node:path';

/**
 * Requires one of the bundles esbuild.mjs writes beside the entry's (dist/), at run time: the path is computed, so
 * esbuild leaves the module out of the bundle that loads it.
 */
export function loadBundle<T>(file: 'azure.js' | 'languageClient.js'): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known at run time only, which keeps the bundles apart
  return require(path.join(__dirname, file)) as T;
}
