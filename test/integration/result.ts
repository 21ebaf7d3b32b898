// Shared by the tests module (inside the extension host) and the runner (outside), which reads the line back.

/** Printed once at the end, followed by the TestResult as JSON, on the extension host's console. */
export const RESULT_MARKER = '__AKSEXT_TEST_RESULT__';

export interface TestResult {
  passes: number;
  failures: number;
  pending: number;
}
