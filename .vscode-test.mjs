// Configuration for @vscode/test-cli (`npx vscode-test`) and the Extension Test Runner extension, for contributors
// with internet access; neither is a dependency, and `npm test` does not use this file (it runs the tests in
// code-server: test/runner/runIntegrationTests.ts). `npm run test:desktop` runs the same tests in desktop VS Code
// and starts the emulator itself; with this file, start it yourself (`npm run emulator`) and export
// AKSEXT_EMULATOR_URL and AKSEXT_EMULATOR_CA_FILE first.
export default [
  {
    label: 'integration',
    files: 'out/test/integration/**/*.test.js',
    workspaceFolder: 'test/fixtures/workspace',
    launchArgs: ['--disable-extensions'],
    env: {
      AKSEXT_EMULATOR_URL: process.env.AKSEXT_EMULATOR_URL ?? '',
      AKSEXT_EMULATOR_CA_FILE: process.env.AKSEXT_EMULATOR_CA_FILE ?? '',
    },
    mocha: { ui: 'tdd', timeout: 20000 },
  },
];
