import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCommandLine, deleteCommandLine, shellQuote, updateCommandLine } from '../../../src/lifecycle/azCommandLine';
import { requestFromExtension, toExtensionBody } from '../../../src/lifecycle/extensionBody';

const cluster = { name: 'aks-1', resourceGroup: 'rg-1', subscriptionId: '00000000-0000-0000-0000-000000000001' };
const MARKER = 'S3CRET-MARKER-value';

describe('az k8s-extension command lines', () => {
  it('builds the create line with every option the CLI takes, protected values as placeholders', () => {
    const line = createCommandLine(cluster, {
      name: 'flux',
      extensionType: 'microsoft.flux',
      scope: 'cluster',
      releaseNamespace: 'flux-system',
      autoUpgradeMinorVersion: true,
      releaseTrain: 'stable',
      configurationSettings: { 'multiTenancy.enforce': 'false' },
      configurationProtectedSettings: { token: MARKER },
      plan: { name: 'p', product: 'q', publisher: 'r' },
    });
    assert.equal(
      line,
      "az k8s-extension create --name flux --extension-type microsoft.flux --cluster-name aks-1 --resource-group rg-1 --cluster-type managedClusters --subscription 00000000-0000-0000-0000-000000000001 --scope cluster --release-namespace flux-system --auto-upgrade-minor-version true --release-train stable --configuration-settings multiTenancy.enforce=false --configuration-protected-settings 'token=<value of token>' --plan-name p --plan-product q --plan-publisher r",
    );
    assert.ok(!line.includes(MARKER));
  });

  it('pins a version only with auto-upgrade off, and names settings files by path (never their content)', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'azline-')), 'prod.dapr.protected.json');
    fs.writeFileSync(file, JSON.stringify({ key: MARKER }));
    const line = createCommandLine(cluster, {
      name: 'dapr',
      extensionType: 'microsoft.dapr',
      scope: 'namespace',
      targetNamespace: 'apps',
      autoUpgradeMinorVersion: false,
      version: '1.14.4',
      releaseTrain: 'stable',
      configurationSettingsFile: '/work/my settings.json',
      configurationProtectedSettingsFile: file,
    });
    assert.match(line, /--target-namespace apps --auto-upgrade-minor-version false --version 1\.14\.4 --configuration-settings-file '\/work\/my settings\.json' --configuration-protected-settings-file /);
    assert.ok(!line.includes('--release-train'));
    assert.ok(!line.includes(MARKER));
  });

  it('says which keys an update removes, since az has no flag for it', () => {
    const line = updateCommandLine(cluster, 'dapr', { settings: { a: '1' }, removedSettings: ['b'] });
    assert.match(line, /--configuration-settings a=1 {2}# also removes b/);
    assert.equal(updateCommandLine(cluster, 'x', { protectedSettings: { k: MARKER } }).includes(MARKER), false);
  });

  it('adds --force for a force delete', () => {
    assert.match(deleteCommandLine(cluster, 'dapr', true), / --yes --force$/);
    assert.match(deleteCommandLine(cluster, 'dapr', false), / --yes$/);
  });

  it('quotes for a POSIX shell only when needed', () => {
    assert.equal(shellQuote('a.b-c=d'), 'a.b-c=d');
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
  });

  it('sets a non-default autoUpgradeMode with az rest after the create or update (az k8s-extension has no flag for it)', () => {
    const [create, rest] = createCommandLine(cluster, { name: 'flux', extensionType: 'microsoft.flux', autoUpgradeMinorVersion: true, autoUpgradeMode: 'patch' }).split('\n');
    assert.match(create, /^az k8s-extension create /);
    assert.equal(
      rest,
      `az rest --method patch --url 'https://management.azure.com/subscriptions/${cluster.subscriptionId}/resourceGroups/rg-1/providers/Microsoft.ContainerService/managedClusters/aks-1/providers/Microsoft.KubernetesConfiguration/extensions/flux?api-version=2025-03-01' --body '{"properties":{"autoUpgradeMode":"patch"}}'`,
    );
    assert.doesNotMatch(createCommandLine(cluster, { name: 'flux', extensionType: 'microsoft.flux', autoUpgradeMode: 'compatible' }), /az rest/);
    assert.match(updateCommandLine(cluster, 'flux', { autoUpgradeMode: 'none' }), /\naz rest .*"autoUpgradeMode":"none"/);
  });

  it('a copy of an extension keeps its autoUpgradeMode unless it is the default', () => {
    assert.equal(requestFromExtension({ name: 'f', extensionType: 'microsoft.flux', autoUpgradeMode: 'patch' }).autoUpgradeMode, 'patch');
    assert.equal(requestFromExtension({ name: 'f', extensionType: 'microsoft.flux', autoUpgradeMode: 'compatible' }).autoUpgradeMode, undefined);
    assert.equal(toExtensionBody({ name: 'f', extensionType: 'microsoft.flux', autoUpgradeMode: 'patch' }).autoUpgradeMode, 'patch');
  });
});
