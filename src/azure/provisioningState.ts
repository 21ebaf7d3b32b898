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

/** The reason a running extension will not end without the user, or undefined while it still may (or is not running). */
export function stallReason(
  extension: { readonly provisioningState?: string; readonly systemData?: { readonly lastModifiedAt?: Date } },
  clusterPowerState: string | undefined,
  now: number,
): StallReason | undefined {
  if (!isRunningState(extension.provisioningState)) {
    return undefined;
  }
  if (clusterPowerState?.toLowerCase() === 'stopped') {
    return 'clusterStopped';
  }
  const lastModified = extension.systemData?.lastModifiedAt?.getTime();
  return lastModified !== undefined && now - lastModified > OPERATION_TIMEOUT_MS ? 'noProgress' : undefined;
}

/** True when a row is running and may still change by itself, so the tree should keep re-reading it. */
export function isProgressing(
  extension: Parameters<typeof stallReason>[0],
  clusterPowerState: string | undefined,
  now: number,
): boolean {
  return isRunningState(extension.provisioningState) && stallReason(extension, clusterPowerState, now) === undefined;
}
