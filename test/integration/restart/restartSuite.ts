// Shared by the two halves of the restart check (inside the extension host) and the runner (outside, no vscode).

/** The title both halves share; the runner matches AKSEXT_TEST_GREP against it to decide whether to run them. */
export const RESTART_SUITE = 'Rollout across an extension host restart';
