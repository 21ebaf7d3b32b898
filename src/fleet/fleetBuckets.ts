/*
 * The fleet view's grouping: extension type > version or state > clusters, with drift marked. Drift means: a version
 * behind the newest one in use; auto-upgrade off where most instances of the type have it on; Failed; or a Creating /
 * Updating / Deleting that has been running longer than STUCK_AFTER_MS. Pure data: the view and the tests share it.
 */
import type { ClusterModel } from '../azure/clusterModel';
import { isRunningState } from '../azure/provisioningState';
import type { FleetExtension } from './fleetModel';

export type DriftReason = 'behind' | 'autoUpgradeOff' | 'failed' | 'runningLong';

/** A running operation older than this is drift (users report 30–60 minute hangs); shown as "running long". */
export const STUCK_AFTER_MS = 30 * 60_000;

/** A cluster in a bucket; `extension` is absent in the Not installed bucket. */
export interface FleetMember {
  readonly cluster: ClusterModel;
  readonly extension?: FleetExtension;
  readonly drift: readonly DriftReason[];
}

export type BucketKind = 'version' | 'running' | 'failed' | 'notInstalled';

export interface FleetBucket {
  readonly kind: BucketKind;
  readonly extensionType: string;
  /** The version, the running state (Creating, Updating, Deleting), 'Failed' or 'Not installed'. */
  readonly label: string;
  /** Version buckets only: the instances have auto-upgrade off. */
  readonly pinned: boolean;
  readonly members: readonly FleetMember[];
  /** Every reason any member drifts, in a stable order. */
  readonly drift: readonly DriftReason[];
}

export interface FleetTypeGroup {
  /** As most instances spell it. */
  readonly extensionType: string;
  readonly newestVersion: string | undefined;
  readonly buckets: readonly FleetBucket[];
  /** Clusters with at least one instance of the type. */
  readonly installedOn: number;
  /** Instances (and clusters lacking the type) that drift. */
  readonly drifting: number;
}

const DRIFT_ORDER: DriftReason[] = ['failed', 'runningLong', 'behind', 'autoUpgradeOff'];

/** Orders versions numerically part by part ('1.13.10' after '1.13.9'); a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = a.split('-', 2);
  const [coreB, preB] = b.split('-', 2);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (Number.isNaN(diff)) {
      return a.localeCompare(b);
    }
    if (diff !== 0) {
      return diff;
    }
  }
  return preA === preB ? 0 : preA === undefined ? 1 : preB === undefined ? -1 : preA.localeCompare(preB);
}

function installedVersion(extension: FleetExtension): string | undefined {
  return extension.currentVersion ?? extension.version;
}

function mostCommonSpelling(extensions: readonly FleetExtension[]): string {
  const counts = new Map<string, number>();
  for (const e of extensions) {
    counts.set(e.extensionType, (counts.get(e.extensionType) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

interface TypeFacts {
  newestVersion: string | undefined;
  autoUpgradeMostlyOn: boolean;
  now: number;
}

function driftOf(extension: FleetExtension, facts: TypeFacts): DriftReason[] {
  const state = extension.provisioningState.toLowerCase();
  const reasons: DriftReason[] = [];
  if (state === 'failed') {
    reasons.push('failed');
  }
  if (isRunningState(extension.provisioningState) && extension.lastModifiedAt && facts.now - Date.parse(extension.lastModifiedAt) > STUCK_AFTER_MS) {
    reasons.push('runningLong');
  }
  const version = installedVersion(extension);
  if (version && facts.newestVersion && compareVersions(version, facts.newestVersion) < 0) {
    reasons.push('behind');
  }
  if (!extension.autoUpgradeMinorVersion && facts.autoUpgradeMostlyOn) {
    reasons.push('autoUpgradeOff');
  }
  return reasons;
}

function bucketKey(extension: FleetExtension): { kind: BucketKind; label: string; pinned: boolean } {
  if (extension.provisioningState.toLowerCase() === 'failed') {
    return { kind: 'failed', label: 'Failed', pinned: false };
  }
  if (isRunningState(extension.provisioningState)) {
    return { kind: 'running', label: extension.provisioningState, pinned: false };
  }
  return { kind: 'version', label: installedVersion(extension) ?? 'unknown', pinned: !extension.autoUpgradeMinorVersion };
}

const KIND_ORDER: BucketKind[] = ['version', 'running', 'failed', 'notInstalled'];

function sortBuckets(buckets: FleetBucket[]): FleetBucket[] {
  return buckets.sort((a, b) => {
    const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
    if (byKind !== 0) {
      return byKind;
    }
    if (a.kind === 'version') {
      return compareVersions(b.label, a.label) || Number(a.pinned) - Number(b.pinned);
    }
    return a.label.localeCompare(b.label);
  });
}

function unionOfDrift(members: readonly FleetMember[]): DriftReason[] {
  const present = new Set(members.flatMap((m) => m.drift));
  return DRIFT_ORDER.filter((r) => present.has(r));
}

/** One type's buckets over the given clusters; clusters that cannot take extensions are not counted as lacking it. */
function groupType(type: string, extensions: readonly FleetExtension[], clusters: ReadonlyMap<string, ClusterModel>, now: number): FleetTypeGroup {
  const versions = extensions.map(installedVersion).filter((v): v is string => v !== undefined);
  const newestVersion = versions.sort(compareVersions).at(-1);
  const facts: TypeFacts = { newestVersion, autoUpgradeMostlyOn: extensions.filter((e) => e.autoUpgradeMinorVersion).length * 2 > extensions.length, now };
  const buckets = new Map<string, { key: ReturnType<typeof bucketKey>; members: FleetMember[] }>();
  const installed = new Set<string>();
  for (const extension of extensions) {
    const cluster = clusters.get(extension.clusterId.toLowerCase());
    if (!cluster) {
      continue;
    }
    installed.add(extension.clusterId.toLowerCase());
    const key = bucketKey(extension);
    const id = `${key.kind}|${key.label}|${key.pinned}`;
    const bucket = buckets.get(id) ?? { key, members: [] };
    bucket.members.push({ cluster, extension, drift: driftOf(extension, facts) });
    buckets.set(id, bucket);
  }
  const lacking = [...clusters.values()].filter((c) => c.hasManagedIdentity && !installed.has(c.id.toLowerCase()));
  const result: FleetBucket[] = [...buckets.values()].map(({ key, members }) => ({
    ...key,
    extensionType: type,
    members: members.sort((a, b) => a.cluster.name.localeCompare(b.cluster.name)),
    drift: unionOfDrift(members),
  }));
  if (lacking.length > 0) {
    const members = lacking.sort((a, b) => a.name.localeCompare(b.name)).map((cluster) => ({ cluster, drift: [] }));
    result.push({ kind: 'notInstalled', label: 'Not installed', pinned: false, extensionType: type, members, drift: [] });
  }
  const drifting = result.reduce((sum, b) => sum + b.members.filter((m) => m.drift.length > 0).length, 0);
  return { extensionType: type, newestVersion, buckets: sortBuckets(result), installedOn: installed.size, drifting };
}

/** Groups the fleet by extension type (case-insensitive), then by version or state. */
export function groupFleet(clusters: readonly ClusterModel[], extensions: readonly FleetExtension[], now = Date.now()): FleetTypeGroup[] {
  const byId = new Map(clusters.map((c) => [c.id.toLowerCase(), c]));
  const byType = new Map<string, FleetExtension[]>();
  for (const extension of extensions) {
    const key = extension.extensionType.toLowerCase();
    const group = byType.get(key);
    if (group) {
      group.push(extension);
    } else {
      byType.set(key, [extension]);
    }
  }
  return [...byType.values()]
    .map((group) => groupType(mostCommonSpelling(group), group, byId, now))
    .filter((group) => group.buckets.length > 0)
    .sort((a, b) => a.extensionType.toLowerCase().localeCompare(b.extensionType.toLowerCase()));
}
