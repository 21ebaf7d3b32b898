/** States in which Azure is still working on the instance; the tree keeps watching them. */
const RUNNING_STATES = new Set(['creating', 'updating', 'deleting', 'accepted', 'provisioning']);

/** True while an operation runs on the extension (Creating, Updating, Deleting). */
export function isRunningState(state: string | undefined): boolean {
  return state !== undefined && RUNNING_STATES.has(state.toLowerCase());
}

/**
 * Azure gives up on an extension operation after 48 hours (the long-running operation's timeout); a row still running
 * after that has no operation behind it any more.
 */
export const OPERATION_TIMEOUT_MS = 48 * 60 * 60 * 1000;

/** Why a running row will not change by itself: the cluster is stopped, or nothing has happened for longer than Azure waits. */
export type StallReason = 'clusterStopped' | 'noProgress';

/**
 * The reason a running extension will not end without the user, or undefined while it still may (or is not running).
 * `runningSince` is when its operation started, as far as the caller knows.
 */
export function stallReason(state: string | undefined, clusterPowerState: string | undefined, runningSince: Date | undefined, now: number): StallReason | undefined {
  if (!isRunningState(state)) {
    return undefined;
  }
  if (clusterPowerState?.toLowerCase() === 'stopped') {
    return 'clusterStopped';
  }
  return runningSince !== undefined && now - runningSince.getTime() > OPERATION_TIMEOUT_MS ? 'noProgress' : undefined;
}

/**
 * When the running operation of an extension started, as far as one can tell: when it was first seen running after
 * having been seen idle, else its last modification (Azure's systemData), else now.
 */
export function runningSinceEstimate(seenIdleBefore: boolean, lastModifiedAt: Date | undefined, now: number): Date {
  return seenIdleBefore || lastModifiedAt === undefined ? new Date(now) : lastModifiedAt;
}
