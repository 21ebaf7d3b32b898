/** States in which Azure is still working on the instance; the tree keeps watching them. */
const RUNNING_STATES = new Set(['creating', 'updating', 'deleting', 'accepted', 'provisioning']);

/** True while an operation runs on the extension (Creating, Updating, Deleting). */
export function isRunningState(state: string | undefined): boolean {
  return state !== undefined && RUNNING_STATES.has(state.toLowerCase());
}
