/** The fleet inventory as CSV or JSON for a report: one row per extension instance, one per cluster without any. */
import type { ClusterModel } from '../azure/clusterModel';
import { type DriftReason, groupFleet } from './fleetBuckets';
import type { FleetExtension, FleetSnapshot } from './fleetModel';

export interface ExportRow {
  subscriptionId: string;
  resourceGroup: string;
  cluster: string;
  location: string;
  kubernetesVersion: string;
  extensionName: string;
  extensionType: string;
  version: string;
  autoUpgradeMinorVersion: string;
  provisioningState: string;
  drift: string;
  lastModifiedAt: string;
}

const COLUMNS: (keyof ExportRow)[] = [
  'subscriptionId', 'resourceGroup', 'cluster', 'location', 'kubernetesVersion', 'extensionName', 'extensionType', 'version',
  'autoUpgradeMinorVersion', 'provisioningState', 'drift', 'lastModifiedAt',
];

function row(cluster: ClusterModel, extension: FleetExtension | undefined, drift: readonly DriftReason[]): ExportRow {
  return {
    subscriptionId: cluster.subscriptionId,
    resourceGroup: cluster.resourceGroup,
    cluster: cluster.name,
    location: cluster.location,
    kubernetesVersion: cluster.kubernetesVersion ?? '',
    extensionName: extension?.name ?? '',
    extensionType: extension?.extensionType ?? '',
    version: extension ? (extension.currentVersion ?? extension.version ?? '') : '',
    autoUpgradeMinorVersion: extension ? String(extension.autoUpgradeMinorVersion) : '',
    provisioningState: extension?.provisioningState ?? '',
    drift: drift.join(' '),
    lastModifiedAt: extension?.lastModifiedAt ?? '',
  };
}

/** The rows of an export, ordered by cluster then extension name. */
export function exportRows(clusters: readonly ClusterModel[], extensions: readonly FleetExtension[], now = Date.now()): ExportRow[] {
  const driftById = new Map<string, readonly DriftReason[]>();
  for (const group of groupFleet(clusters, extensions, now)) {
    for (const bucket of group.buckets) {
      for (const member of bucket.members) {
        if (member.extension) {
          driftById.set(member.extension.id.toLowerCase(), member.drift);
        }
      }
    }
  }
  const byCluster = new Map<string, FleetExtension[]>();
  for (const e of extensions) {
    const list = byCluster.get(e.clusterId.toLowerCase());
    if (list) {
      list.push(e);
    } else {
      byCluster.set(e.clusterId.toLowerCase(), [e]);
    }
  }
  const rows: ExportRow[] = [];
  for (const cluster of [...clusters].sort((a, b) => a.name.localeCompare(b.name))) {
    const own = (byCluster.get(cluster.id.toLowerCase()) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    if (own.length === 0) {
      rows.push(row(cluster, undefined, []));
    }
    for (const e of own) {
      rows.push(row(cluster, e, driftById.get(e.id.toLowerCase()) ?? []));
    }
  }
  return rows;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a leading = + - @ is prefixed with ' so spreadsheets do not run it. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly ExportRow[]): string {
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function toJson(snapshot: Pick<FleetSnapshot, 'asOf' | 'source'>, rows: readonly ExportRow[]): string {
  return JSON.stringify({ asOf: snapshot.asOf.toISOString(), source: snapshot.source, rows }, null, 2) + '\n';
}
