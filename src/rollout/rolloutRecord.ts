import type { ClusterModel } from '../azure/clusterModel';
import type { PatchExtension } from '../azure/extensionModel';
import type { ExtensionRequest } from '../shared';

/**
 * Where one cluster of a rollout stands. While it runs: `pending` (nothing sent yet) and `submitted` (Azure accepted
 * the write; its end is not known yet). At the end every cluster is in one of the others; a record read after a crash
 * can still hold the two running ones, which Resume picks up (pending is sent, submitted is read again).
 */
export type TargetState =
  | 'pending'
  | 'submitted'
  | 'succeeded'
  | 'failed'
  /** The cluster cannot take it (service principal, stopped, already has it): nothing was sent. */
  | 'skipped'
  /** Its current state could not be read, so nothing was sent to it. */
  | 'notChecked'
  /** The rollout stopped (cancel, canary, failure threshold) before it was sent. */
  | 'notStarted'
  /** Sent, and still running in Azure when the rollout stopped waiting. */
  | 'running';

export interface RolloutTarget {
  readonly cluster: ClusterModel;
  state: TargetState;
  /** Why, in one line, for every state but succeeded. */
  message: string;
  /** The instance acted on, when it is not the record's request name (a fleet bucket's instances may be named apart). */
  readonly extensionName?: string;
  /**
   * Recreate: the instance as it was read before it was deleted (protected values are never part of it), kept so that a
   * rollout interrupted after the delete can still create it again.
   */
  recreateWith?: ExtensionRequest;
  /** Recreate: how far it got on this cluster; `create` once the old instance is gone and the create was sent. */
  phase?: 'delete' | 'create';
}

/**
 * What a rollout does on each cluster: create the record's request, update the instance with a patch (never protected
 * settings), delete it and create it again from what was read (recreate), or delete it.
 */
export type RolloutAction =
  | { readonly kind: 'create' }
  | { readonly kind: 'update'; readonly patch: PatchExtension }
  | { readonly kind: 'recreate' }
  | { readonly kind: 'delete' };

export type CanaryOption = { readonly kind: 'none' } | { readonly kind: 'first'; readonly count: number } | { readonly kind: 'perRegion' };

/** When failures pause the rollout to ask whether to go on: a number of clusters, or a share of them in percent. */
export type FailureThreshold = { readonly kind: 'none' } | { readonly kind: 'count'; readonly count: number } | { readonly kind: 'percent'; readonly percent: number };

export interface RolloutOptions {
  readonly canary: CanaryOption;
  readonly failureThreshold: FailureThreshold;
}

/**
 * A rollout as stored (the extension's global state): what is sent, where, and how far it got. Protected values are
 * never stored: the request keeps only the names of inline protected keys, and Resume asks for the values again.
 */
export interface RolloutRecord {
  readonly id: string;
  /** As the user reads it, e.g. "Deploy flux". */
  readonly title: string;
  /** Create: what is sent. The other actions: the extension type and the name of the instance when one name fits all. */
  readonly request: ExtensionRequest;
  /** Absent in records stored before rollouts did anything but create. */
  readonly action?: RolloutAction;
  readonly protectedKeys: readonly string[];
  readonly options: RolloutOptions;
  readonly targets: RolloutTarget[];
  /**
   * running while a window works on it (or crashed doing so: its heartbeat, updatedAt, then stops); interrupted when
   * its extension host shut down mid-way; stopped (cancel, canary, threshold) or finished after.
   */
  status: 'running' | 'interrupted' | 'stopped' | 'finished';
  readonly startedAt: number;
  updatedAt: number;
}

/** The threshold a setting's text asks for: "5" clusters, "10%" of them, or "" for never. */
export function parseFailureThreshold(text: string): FailureThreshold {
  const match = /^\s*(\d+)\s*(%?)\s*$/.exec(text);
  if (!match || Number(match[1]) === 0) {
    return { kind: 'none' };
  }
  return match[2] ? { kind: 'percent', percent: Number(match[1]) } : { kind: 'count', count: Number(match[1]) };
}

/** The instance a target acts on. */
export function targetExtensionName(record: Pick<RolloutRecord, 'request'>, target: RolloutTarget): string {
  return target.extensionName ?? record.request.name;
}

export const FINAL_STATES: readonly TargetState[] = ['succeeded', 'failed', 'skipped', 'notChecked', 'notStarted', 'running'];

/** How many clusters are in each state. */
export function countStates(record: Pick<RolloutRecord, 'targets'>): Record<TargetState, number> {
  const counts: Record<TargetState, number> = { pending: 0, submitted: 0, succeeded: 0, failed: 0, skipped: 0, notChecked: 0, notStarted: 0, running: 0 };
  for (const target of record.targets) {
    counts[target.state] += 1;
  }
  return counts;
}

/** The request as it may be stored: inline protected values removed (their key names kept apart). */
export function storableRequest(req: ExtensionRequest): { request: ExtensionRequest; protectedKeys: string[] } {
  const { configurationProtectedSettings, ...rest } = req;
  return { request: rest, protectedKeys: Object.keys(configurationProtectedSettings ?? {}) };
}

/**
 * A new rollout as it is stored: the request's protected values removed (their key names kept), every target given
 * with its state (pending to be sent; skipped or not checked ones as the review found them).
 */
export function newRolloutRecord(plan: Pick<RolloutRecord, 'title' | 'action' | 'options' | 'targets'> & { readonly request: ExtensionRequest }): RolloutRecord {
  const now = Date.now();
  return {
    id: `${now}-${Math.random().toString(36).slice(2, 8)}`,
    ...plan,
    ...storableRequest(plan.request),
    status: 'running',
    startedAt: now,
    updatedAt: now,
  };
}

/** Clusters Resume works on: those not sent yet, those sent whose end is unknown, and those that could not be checked. */
export function resumable(record: RolloutRecord): RolloutTarget[] {
  return record.targets.filter((t) => ['pending', 'submitted', 'notStarted', 'notChecked', 'running'].includes(t.state));
}

export function failedTargets(record: RolloutRecord): RolloutTarget[] {
  return record.targets.filter((t) => t.state === 'failed');
}

/** The canary clusters of a rollout, in plan order: the first k, or the first cluster of each region. */
export function canaryTargets(targets: readonly RolloutTarget[], canary: CanaryOption): RolloutTarget[] {
  if (canary.kind === 'first') {
    return targets.slice(0, Math.max(0, canary.count));
  }
  if (canary.kind === 'perRegion') {
    const seen = new Set<string>();
    return targets.filter((t) => {
      const region = t.cluster.location.toLowerCase();
      return !seen.has(region) && seen.add(region) !== undefined;
    });
  }
  return [];
}

/** How many failures pause the rollout (undefined: never). */
export function failureLimit(threshold: FailureThreshold, clusters: number): number | undefined {
  switch (threshold.kind) {
    case 'none':
      return undefined;
    case 'count':
      return Math.max(1, threshold.count);
    case 'percent':
      // One failure among a handful of clusters is no pattern yet.
      return Math.max(2, Math.ceil((threshold.percent / 100) * clusters));
  }
}
