import * as assert from 'node:assert/strict';
import { clusterBlocker, toClusterModel } from '../../../src/azure/clusterModel';

const id = '/subscriptions/sub1/resourceGroups/rg-east/providers/Microsoft.ContainerService/managedClusters/aks-1';

describe('clusterModel', () => {
  it('reads the parts the tree shows from a managed cluster', () => {
    const model = toClusterModel({ id, name: 'aks-1', location: 'eastus', identity: { type: 'SystemAssigned' }, currentKubernetesVersion: '1.30.3', powerState: { code: 'Running' } });
    assert.equal(model.resourceGroup, 'rg-east');
    assert.equal(model.subscriptionId, 'sub1');
    assert.equal(model.kubernetesVersion, '1.30.3');
    assert.equal(clusterBlocker(model), undefined);
  });

  it('blocks service-principal clusters with the managed-identity fix', () => {
    const model = toClusterModel({ id, location: 'eastus', servicePrincipalProfile: { clientId: '0b7f2c4e-1111-2222-3333-444455556666' }, powerState: { code: 'Running' } });
    const blocker = clusterBlocker(model);
    assert.equal(model.hasManagedIdentity, false);
    assert.match(blocker?.reason ?? '', /service principal/);
    assert.equal(blocker?.fixCommand, 'az aks update --resource-group rg-east --name aks-1 --enable-managed-identity');
  });

  it('treats the legacy "msi" client id as a managed identity', () => {
    assert.equal(toClusterModel({ id, location: 'x', servicePrincipalProfile: { clientId: 'msi' } }).hasManagedIdentity, true);
  });

  it('blocks stopped clusters with the start command', () => {
    const model = toClusterModel({ id, location: 'eastus', identity: { type: 'UserAssigned' }, powerState: { code: 'Stopped' } });
    assert.match(clusterBlocker(model)?.fixCommand ?? '', /^az aks start /);
  });
});
