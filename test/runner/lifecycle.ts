import { elapsed } from './paths';

// One place that knows what a run started, so that every way out (success, failure, timeout, Ctrl+C, a crash)
// stops it: nothing may outlive the runner, in CI least of all.

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
/** What to print when a run fails: log tails of the servers it started. */
const failureReports: Array<() => string> = [];
/** Process groups we spawned; killed synchronously on 'exit' in case the async cleanup never got to run. */
const groups = new Set<number>();
let exiting = false;

export function onCleanup(cleanup: Cleanup): void {
  cleanups.push(cleanup);
}

export function onFailureReport(report: () => string): void {
  failureReports.push(report);
}

export function trackProcessGroup(pid: number): void {
  groups.add(pid);
}

export function forgetProcessGroup(pid: number): void {
  groups.delete(pid);
}

/** Exit codes of a stop someone asked for (Ctrl+C ends `npm start`): no failure report then. */
const interrupted = (code: number): boolean => code === 130 || code === 143;

/**
 * Runs the cleanups newest first (browser before server before emulator), then exits with `code`. The first call
 * wins: a later one (say, a page call failing because cleanup closed the browser) waits for it instead.
 */
export function shutdown(code: number, reason: string): Promise<never> {
  if (!exiting) {
    exiting = true;
    void runCleanups(code, reason);
  }
  return new Promise<never>(() => undefined);
}

async function runCleanups(code: number, reason: string): Promise<void> {
  if (code !== 0 && !interrupted(code)) {
    failureReports.forEach((report) => console.log(report()));
  }
  console.log(`[runner] ${reason} -> exit ${code} after ${elapsed()}`);
  for (const cleanup of cleanups.reverse()) {
    try {
      await withTimeout(Promise.resolve(cleanup()), 10_000);
    } catch (error) {
      console.error(`[runner] cleanup failed: ${String(error)}`);
    }
  }
  process.exit(code);
}

/** Ctrl+C, termination and unexpected errors all end in shutdown(). */
export function installExitHandlers(): void {
  process.once('SIGINT', () => void shutdown(130, 'interrupted (SIGINT)'));
  process.once('SIGTERM', () => void shutdown(143, 'terminated (SIGTERM)'));
  process.on('unhandledRejection', (error) => void shutdown(1, `unexpected error: ${describe(error)}`));
  process.on('uncaughtException', (error) => void shutdown(1, `unexpected error: ${describe(error)}`));
  process.on('exit', () => {
    for (const pid of groups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/** The run's global timeout; started after provisioning, whose cold install time says nothing about the tests. */
export function startTimeout(envName: string, defaultMs: number): void {
  const ms = Number(process.env[envName] ?? defaultMs);
  setTimeout(() => void shutdown(2, `TIMEOUT after ${ms / 1000}s (raise it with ${envName}=<ms>)`), ms).unref();
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}
