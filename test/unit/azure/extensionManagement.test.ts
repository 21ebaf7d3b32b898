import * as assert from 'node:assert/strict';
import { additionalLinks, extensionManagement, isReadOnlyForUsers } from '../../../src/azure/extensionManagement';
import { failureDetails } from '../../../src/azure/extensionFailure';
import { extensionFromWire, extensionToWire, patchToWire } from '../../../src/azure/extensionWire';

const managedDetails = {
  category: 'managed',
  accessDetails: [
    { entity: 'Microsoft.ContainerService', allowedActions: ['Read', 'Write'], description: 'Microsoft.ContainerService is only allowed to PUT/PATCH this extension instance.' },
    { entity: 'Users', allowedActions: ['Read'], description: ' Users are allowed to only READ through Extensions RP.' },
  ],
};

describe('Managed extensions (API 2025-03-01)', () => {
  it('names the manager, who may write, and that users may only read', () => {
    const management = extensionManagement({ managedBy: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-1', managementDetails: managedDetails });
    assert.deepEqual(management, {
      manager: 'aks-1',
      managedBy: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-1',
      writers: ['Microsoft.ContainerService'],
      usersMayWrite: false,
      usersDescription: 'Users are allowed to only READ through Extensions RP.',
    });
  });

  it('an extension of the user is not managed; managementDetails alone, or managedBy alone, make one managed', () => {
    assert.equal(extensionManagement({ extensionType: 'microsoft.flux' }), undefined);
    assert.equal(isReadOnlyForUsers({ managementDetails: managedDetails }), true);
    assert.equal(extensionManagement({ managementDetails: managedDetails })?.manager, 'Microsoft.ContainerService');
    assert.equal(isReadOnlyForUsers({ managedBy: '/subscriptions/s/x/y' }), true);
    const usersWrite = { accessDetails: [{ entity: 'Users', allowedActions: ['Read', 'Write'] }] };
    assert.equal(isReadOnlyForUsers({ managedBy: '/subscriptions/s/x/y', managementDetails: usersWrite }), false);
  });

  it('lists only https links of additionalDetails, in a fixed order, skipping nulls (the service sends nulls)', () => {
    assert.deepEqual(additionalLinks({ additionalDetails: { troubleshootingGuide: 'https://t', docs: 'https://d', releaseNotes: null } }), [
      { kind: 'docs', url: 'https://d' },
      { kind: 'troubleshootingGuide', url: 'https://t' },
    ]);
    assert.deepEqual(additionalLinks({ additionalDetails: { docs: 'command:workbench.action.quit', releaseNotes: 'http://plain' } }), []);
  });
});

describe('Extension wire shape', () => {
  it('lifts properties beside the envelope and keeps what a newer service adds', () => {
    const model = extensionFromWire({ id: 'i', name: 'n', managedBy: 'm', properties: { extensionType: 't', autoUpgradeMode: 'patch', somethingNew: 1 } });
    assert.deepEqual(model, { extensionType: 't', autoUpgradeMode: 'patch', somethingNew: 1, id: 'i', name: 'n', managedBy: 'm' });
  });

  it('sends writable properties under properties, the plan and identity in the envelope, and no read-only field', () => {
    const body = extensionToWire({
      id: 'i',
      name: 'n',
      plan: { name: 'p', product: 'o', publisher: 'u' },
      extensionType: 't',
      autoUpgradeMode: 'patch',
      provisioningState: 'Succeeded',
      managementDetails: {},
      version: undefined,
    });
    assert.deepEqual(body, { plan: { name: 'p', product: 'o', publisher: 'u' }, properties: { extensionType: 't', autoUpgradeMode: 'patch' } });
    assert.deepEqual(patchToWire({ autoUpgradeMode: 'none', version: undefined }), { properties: { autoUpgradeMode: 'none' } });
  });
});

describe('Failure details', () => {
  it('reads a failure reported only in statuses[] with nulls, as the az CLI fleet recording shows it', () => {
    const recorded = extensionFromWire({
      properties: {
        provisioningState: 'Failed',
        statuses: [{ code: 'InstallationFailed', displayStatus: null, level: null, message: 'The\n        fleet notify operation failed. For general troubleshooting visit: https://aka.ms/k8s-extensions-TSG\n        ', time: null }],
        additionalDetails: { docs: null, releaseNotes: null, troubleshootingGuide: null },
        extensionState: null,
      },
    });
    assert.match(failureDetails(recorded), /^InstallationFailed: The\s+fleet notify operation failed\. For general troubleshooting visit: https:\/\/aka\.ms\/k8s-extensions-TSG$/);
    assert.deepEqual(additionalLinks(recorded), []);
  });

  it('puts errorInfo first and leaves informational statuses out', () => {
    const both = { errorInfo: { code: 'E', message: 'broke' }, statuses: [{ level: 'Information', code: 'I', message: 'fine' }, { level: 'Error', code: 'S', message: 'pod' }] };
    assert.equal(failureDetails(both), 'E: broke; S: pod');
    assert.equal(failureDetails({ statuses: [] }), '');
  });
});
