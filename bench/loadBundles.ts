// The child process of bench/activationLoad.ts: requires the bundles named on the command line, as the extension host
// would, and prints how long that took and the heap it added. VS Code's `vscode` module is replaced by a stand-in
// (every name @types/vscode exports, each a do-nothing value), so what is measured is loading and evaluating our code.
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

/** A value that can be called, constructed, extended and read from at any depth, doing nothing. */
const inert: unknown = new Proxy(function inertValue() {}, {
  get: (_target, key) => (key === 'prototype' ? {} : key === 'then' || typeof key === 'symbol' ? undefined : inert),
  apply: () => inert,
  construct: () => ({}),
});

/** The names VS Code's API exports, each the inert value: esbuild's import helper copies a module's own names. */
function vscodeStandIn(): Record<string, unknown> {
  const types = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = [...types.matchAll(/^\texport (?:class|namespace|enum|const|function|let) (\w+)/gm)].map((m) => m[1]);
  return Object.fromEntries(names.map((name) => [name, inert]));
}

function installVscodeStandIn(): void {
  const standIn = vscodeStandIn();
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const load = loader._load.bind(loader);
  loader._load = (request, parent, isMain) => (request === 'vscode' ? standIn : load(request, parent, isMain));
}

installVscodeStandIn();
const before = process.memoryUsage().heapUsed;
const started = process.hrtime.bigint();
for (const bundle of process.argv.slice(2)) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the bundle at run time is what is measured
  require(path.resolve(bundle));
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(JSON.stringify({ ms, heapBytes: process.memoryUsage().heapUsed - before }));
