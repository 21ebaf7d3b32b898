import * as assert from 'node:assert/strict';
import { catalogBlockers } from '../../../src/azure/catalogChecks';
import type { ClusterModel } from '../../../src/azure/clusterModel';
import { catalogTypeFromBody, type CatalogType } from '../../../src/azure/extensionTypesCatalog';
import { matchesKubernetesVersion } from '../../../src/azure/kubernetesVersionRange';

const cluster: ClusterModel = {
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-1',
  name: 'aks-1',
  subscriptionId: 's',
  resourceGroup: 'rg',
  location: 'westeurope',
  kubernetesVersion: '1.29.9',
  powerState: 'Running',
  provisioningState: 'Succeeded',
  hasManagedIdentity: true,
};
const type = (over: Partial<CatalogType> = {}): CatalogType => ({ type: 'microsoft.flux', supportedClusterTypes: [], supportedRegions: [], ...over });
const intent = { extensionType: 'microsoft.flux', name: 'flux' };

describe('Kubernetes version patterns of the catalog', () => {
  it('reads ranges, comparisons and versions at their own precision', () => {
    assert.ok(matchesKubernetesVersion('1.18..1.21', '1.20.4'));
    assert.ok(matchesKubernetesVersion('1.18..1.21', '1.21.9'));
    assert.ok(!matchesKubernetesVersion('1.18..1.21', '1.22.0'));
    assert.ok(matchesKubernetesVersion('>1.22', '1.23.1') && !matchesKubernetesVersion('>1.22', '1.22.5'));
    assert.ok(matchesKubernetesVersion('<1.30', '1.29.9') && !matchesKubernetesVersion('<1.30', '1.30.0'));
    assert.ok(matchesKubernetesVersion('>=1.31', '1.31.2') && matchesKubernetesVersion('<=1.29', '1.29.9'));
    assert.ok(matchesKubernetesVersion('1.29', '1.29.9') && !matchesKubernetesVersion('1.29.8', '1.29.9'));
    assert.ok(!matchesKubernetesVersion('latest', '1.29.9') && !matchesKubernetesVersion('', '1.29.9'));
  });
});

describe('Catalog checks before create and deploy', () => {
  it('passes a type the catalog does not restrict', () => {
    assert.deepEqual(catalogBlockers(type(), [], cluster, intent, []), []);
  });

  it('stops a type not offered in the cluster region, naming where it is', () => {
    const [reason] = catalogBlockers(type({ supportedRegions: ['eastus', 'West US 2'] }), undefined, cluster, intent, []);
    assert.match(reason, /not offered in westeurope, where aks-1 runs; it is offered in eastus, West US 2/);
    assert.deepEqual(catalogBlockers(type({ supportedRegions: ['West Europe'] }), undefined, cluster, intent, []), []);
  });

  it('stops a type that does not support AKS clusters (cluster types compare without case)', () => {
    assert.match(catalogBlockers(type({ supportedClusterTypes: ['connectedClusters'] }), undefined, cluster, intent, [])[0], /cannot be installed on AKS clusters/);
    assert.deepEqual(catalogBlockers(type({ supportedClusterTypes: ['Managedclusters'] }), undefined, cluster, intent, []), []);
  });

  it('stops a type that needs a managed identity on a service-principal cluster, with the fix', () => {
    const [reason] = catalogBlockers(type({ isManagedIdentityRequired: true }), undefined, { ...cluster, hasManagedIdentity: false }, intent, []);
    assert.match(reason, /needs a managed identity.*az aks update --resource-group rg --name aks-1 --enable-managed-identity/);
  });

  it('stops a second instance of a single-instance type, not the same one again', () => {
    const other = [{ name: 'gitops', extensionType: 'Microsoft.Flux' }];
    assert.match(catalogBlockers(type({ allowMultipleInstances: false }), undefined, cluster, intent, other)[0], /already has microsoft\.flux \(as gitops\)/);
    assert.deepEqual(catalogBlockers(type({ allowMultipleInstances: false }), undefined, cluster, intent, [{ name: 'flux', extensionType: 'microsoft.flux' }]), []);
    assert.deepEqual(catalogBlockers(type({ allowMultipleInstances: true }), undefined, cluster, intent, other), []);
  });

  it('stops a version that does not run on the cluster Kubernetes version, suggesting one that does', () => {
    const versions = [
      { version: '2.1.0', unsupportedOnManagedClusters: ['<1.30'] },
      { version: '2.0.0', unsupportedOnManagedClusters: [] },
    ];
    assert.match(catalogBlockers(type(), versions, cluster, intent, [])[0], /2\.1\.0 does not run on Kubernetes 1\.29\.9 \(the catalog lists <1\.30 as unsupported\).*pin 2\.0\.0/);
    assert.deepEqual(catalogBlockers(type(), versions, cluster, { ...intent, version: '2.0.0' }, []), []);
    assert.deepEqual(catalogBlockers(type(), versions, { ...cluster, kubernetesVersion: '1.30.1' }, intent, []), []);
  });

  it('reads catalog entries as the service writes them: flat or nested scope settings, planInfo only for Marketplace types', () => {
    const flat = catalogTypeFromBody({
      name: 'marketplace.test.01',
      properties: {
        publisher: 'marketplacetest',
        supportedClusterTypes: ['managedclusters'],
        supportedScopes: { defaultScope: 'namespace', clusterScopeSettings: { allowMultipleInstances: false, defaultReleaseNamespace: null } },
        planInfo: { offerId: 'testOffer', planId: 'testPlan', publisherId: 'marketplacetest' },
      },
    });
    assert.deepEqual([flat.allowMultipleInstances, flat.defaultScope, flat.plan], [false, 'namespace', { name: 'testPlan', product: 'testOffer', publisher: 'marketplacetest' }]);
    const nested = catalogTypeFromBody({
      name: 'microsoft.flux',
      properties: { supportedScopes: { clusterScopeSettings: { properties: { allowMultipleInstances: true, defaultReleaseNamespace: 'flux-system' } } }, planInfo: { publisherId: 'Microsoft', offerId: null, planId: null } },
    });
    assert.deepEqual([nested.allowMultipleInstances, nested.defaultReleaseNamespace, nested.plan], [true, 'flux-system', undefined]);
  });
});
