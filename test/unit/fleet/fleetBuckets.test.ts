import * as assert from 'assert';
import type { ClusterModel } from '../../../src/azure/clusterModel';
import { compareVersions, groupFleet, STUCK_AFTER_MS } from '../../../src/fleet/fleetBuckets';
import { applyFilter, filterChoices } from '../../../src/fleet/fleetFilter';
import { exportRows, toCsv } from '../../../src/fleet/fleetExport';
import type { FleetExtension } from '../../../src/fleet/fleetModel';

const NOW = Date.parse('2026-01-15T12:00:00Z');

function cluster(name: string, extra: Partial<ClusterModel> = {}): ClusterModel {
  return {
    id: `/subscriptions/s1/resourceGroups/rg-${name}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name, subscriptionId: 's1', resourceGroup: `rg-${name}`, location: 'eastus', kubernetesVersion: '1.30.6',
    powerState: 'Running', provisioningState: 'Succeeded', hasManagedIdentity: true, tags: { env: 'prod' }, ...extra,
  };
}

function flux(on: ClusterModel, extra: Partial<FleetExtension> = {}): FleetExtension {
  return {
    id: `${on.id}/providers/Microsoft.KubernetesConfiguration/extensions/flux`, name: 'flux', clusterId: on.id, extensionType: 'microsoft.flux',
    provisioningState: 'Succeeded', currentVersion: '1.13.3', autoUpgradeMinorVersion: true, source: 'resourceGraph', ...extra,
  };
}

describe('fleet grouping, drift, filter and export', () => {
  const a = cluster('a');
  const b = cluster('b');
  const c = cluster('c');
  const d = cluster('d', { location: 'westeurope', tags: { env: 'dev' } });
  const e = cluster('e');
  const sp = cluster('sp', { hasManagedIdentity: false });
  const clusters = [a, b, c, d, e, sp];
  const extensions = [
    flux(a),
    flux(b, { currentVersion: '1.12.1' }),
    flux(c, { autoUpgradeMinorVersion: false, version: '1.13.3' }),
    flux(d, { provisioningState: 'Failed', currentVersion: undefined, errorMessage: 'Helm install failed' }),
    flux(e, { provisioningState: 'Updating', lastModifiedAt: new Date(NOW - STUCK_AFTER_MS - 1000).toISOString(), extensionType: 'Microsoft.Flux' }),
  ];

  it('groups a type (case-insensitively) by version and state, and marks behind, auto-upgrade off, Failed and running long', () => {
    const [group] = groupFleet(clusters, extensions, NOW);
    assert.strictEqual(group.extensionType, 'microsoft.flux');
    assert.strictEqual(group.newestVersion, '1.13.3');
    const summary = group.buckets.map((bucket) => `${bucket.kind}:${bucket.label}${bucket.pinned ? '(pinned)' : ''}=${bucket.members.length}[${bucket.drift.join(',')}]`);
    assert.deepStrictEqual(summary, [
      'version:1.13.3=1[]',
      'version:1.13.3(pinned)=1[autoUpgradeOff]',
      'version:1.12.1=1[behind]',
      'running:Updating=1[runningLong]',
      'failed:Failed=1[failed]',
    ]);
    assert.strictEqual(group.installedOn, 5);
    assert.strictEqual(group.drifting, 4);
  });

  it('lists clusters lacking the type as Not installed, but not clusters that cannot take extensions', () => {
    const [group] = groupFleet(clusters, extensions.slice(0, 2), NOW);
    const lacking = group.buckets.find((bucket) => bucket.kind === 'notInstalled');
    assert.deepStrictEqual(lacking?.members.map((m) => m.cluster.name), ['c', 'd', 'e']);
  });

  it('orders versions part by part', () => {
    assert.ok(compareVersions('1.13.10', '1.13.9') > 0);
    assert.ok(compareVersions('1.15.0-rc.2', '1.15.0') < 0);
    assert.strictEqual(compareVersions('1.2.0', '1.2'), 0);
  });

  it('filters by location and tag, searches by name, and counts the choices', () => {
    assert.deepStrictEqual(applyFilter({ clusters, extensions }, { location: ['WestEurope'] }).clusters.map((x) => x.name), ['d']);
    assert.deepStrictEqual(applyFilter({ clusters, extensions }, { tag: ['env=dev'] }).extensions.map((x) => x.clusterId), [d.id]);
    assert.deepStrictEqual(applyFilter({ clusters, extensions }, { search: 'S' }).clusters.map((x) => x.name), ['sp']);
    assert.deepStrictEqual(filterChoices(clusters, 'tag'), [{ value: 'env=prod', count: 5 }, { value: 'env=dev', count: 1 }]);
  });

  it('exports one row per instance and per bare cluster, as RFC 4180 CSV that no spreadsheet runs as a formula', () => {
    const rows = exportRows(clusters, [...extensions, flux(a, { name: '=cmd|calc', id: `${a.id}/x`, errorMessage: 'a "quoted", message' })], NOW);
    assert.strictEqual(rows.length, 7);
    assert.deepStrictEqual(rows.find((r) => r.cluster === 'sp')?.extensionName, '');
    assert.strictEqual(rows.find((r) => r.cluster === 'b')?.drift, 'behind');
    const csv = toCsv(rows);
    assert.match(csv, /^subscriptionId,resourceGroup,cluster,/);
    assert.match(csv, /,'=cmd\|calc,/);
    assert.ok(csv.endsWith('\r\n'));
  });
});
