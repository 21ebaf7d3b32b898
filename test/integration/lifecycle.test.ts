import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { validateExtensionRequest } from '../../src/shared';
import { emulatorControl } from './emulatorControl';
import { clusterNamed, extensionId, extensionNamed, lifecycleSuiteSetup, runWith, treeShows, writes } from './lifecycle/lifecycleFixture';
import type { ScriptedAnswer } from './lifecycle/scriptedPrompter';

interface PutBody {
  properties: { extensionType: string; configurationSettings?: Record<string, string>; configurationProtectedSettings?: Record<string, string>; releaseTrain?: string; scope?: unknown };
}

const none = (title: RegExp): ScriptedAnswer => ({ when: title, pick: 'None' });
const createFlux: ScriptedAnswer[] = [
  { when: /Extension type/, pick: 'microsoft.flux' },
  { when: /Name of the extension instance/, input: 'flux' },
  { when: /Release namespace/, input: 'flux-system' },
  { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
  { when: /Release train/, back: true },
  { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
  { when: /Release train/, pick: 'stable' },
  { when: /\| Configuration settings$/, pick: 'Enter key=value entries' },
  { when: /A setting as key=value/, input: 'multiTenancy.enforce=false' },
  { when: /A setting as key=value/, input: '' },
  { when: /\| Protected settings \(/, pick: 'Enter key=value entries' },
  { when: /Protected setting key/, input: 'gitToken' },
  { when: /Value of gitToken/, input: 'flux-token-value' },
  { when: /Protected setting key/, input: '' },
  { when: /Review.*then choose/, pick: 'Create flux' },
];

suite('Lifecycle: create', () => {
  const { api } = lifecycleSuiteSetup();

  test('creates through the wizard (Back, step counter): Creating at once, then Succeeded; the PUT carries the answers', async () => {
    const cluster = await clusterNamed(api(), 'aks-dev-westus2');
    const running = runWith<string>(api(), [...createFlux], 'createExtension', cluster);
    const shownCreating = treeShows(api(), 'aks-dev-westus2', 'flux', /Creating/).catch((err: unknown) => err);
    const { result, prompter } = await running;
    assert.equal(result, 'succeeded', JSON.stringify(prompter.messages));
    assert.equal(await shownCreating, true);
    assert.deepEqual(prompter.unused, []);
    assert.ok(prompter.steps.some((s) => s.canGoBack && s.step !== undefined && s.totalSteps !== undefined), 'steps carry a counter and Back');
    await treeShows(api(), 'aks-dev-westus2', 'flux', /^microsoft\.flux · (?!.*Creating)/);
    const put = (await writes()).find((r) => r.method === 'PUT');
    const body = put?.body as PutBody;
    assert.equal(body.properties.extensionType, 'microsoft.flux');
    assert.deepEqual(body.properties.configurationSettings, { 'multiTenancy.enforce': 'false' });
    assert.deepEqual(body.properties.configurationProtectedSettings, { gitToken: 'flux-token-value' });
    assert.equal(body.properties.releaseTrain, 'stable');
    assert.ok(prompter.messages.some((m) => m.severity === 'info' && /flux was created on aks-dev-westus2/.test(m.message)));
  });

  test('a service-principal cluster gets the reason and `az aks update --enable-managed-identity` before any question', async () => {
    const { prompter } = await runWith(api(), [{ when: /managed identity/, choose: 'Copy Fix Command' }], 'createExtension', await clusterNamed(api(), 'aks-legacy-sp'));
    assert.deepEqual(prompter.questions, []);
    assert.match(prompter.messages[0]?.message ?? '', /service principal.*az aks update --resource-group rg-aks-legacy --name aks-legacy-sp --enable-managed-identity/);
    assert.equal(await vscode.env.clipboard.readText(), 'az aks update --resource-group rg-aks-legacy --name aks-legacy-sp --enable-managed-identity');
    const stopped = await runWith(api(), [], 'createExtension', await clusterNamed(api(), 'aks-prod-eastus-02'));
    assert.match(stopped.prompter.messages[0]?.message ?? '', /stopped.*az aks start/);
    assert.deepEqual(await writes(), []);
  });

  test('an error of the shared rules shows in the review, which offers Back instead of Create: fixed there, the request is sent', async () => {
    const entries = (...values: string[]): ScriptedAnswer[] => [
      { when: /\| Configuration settings$/, pick: 'Enter key=value entries' },
      ...[...values, ''].map((input) => ({ when: /A setting as key=value/, input })),
    ];
    const { result, prompter } = await runWith<string>(
      api(),
      [
        { when: /Extension type/, pick: 'Microsoft.AzureML.Kubernetes' },
        { when: /Name of the extension instance/, input: 'azureml' },
        { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
        { when: /Release train/, pick: 'stable' },
        ...entries('enableInference=true'),
        none(/\| Protected settings \(/),
              { when: /Fix the 2 error\(s\) to go on: nothing is sent/, pick: 'Go back to change the answers' },
        { when: /\| Protected settings \(/, back: true },
        ...entries('enableInference=true', 'inferenceRouterServiceType=ClusterIP', 'allowInsecureConnections=true'),
        none(/\| Protected settings \(/),
              { when: /Review, then choose Create azureml/, pick: 'Create azureml' },
      ],
      'createExtension',
      await clusterNamed(api(), 'aks-dev-westus2'),
    );
    assert.equal(result, 'succeeded', JSON.stringify(prompter.messages));
    assert.deepEqual(prompter.unused, []);
    const expected = validateExtensionRequest({ extensionType: 'Microsoft.AzureML.Kubernetes', name: 'azureml', configurationSettings: { enableInference: 'true' } })
      .filter((p) => p.severity === 'error')
      .map((p) => p.message);
    assert.equal(expected.length, 2);
    const refused = prompter.offered.find((o) => /Fix the 2 error/.test(o.question))?.items ?? [];
    const shown = refused.flatMap((i) => [i.label, i.detail ?? '']).join(' ');
    for (const message of expected) {
      assert.ok(shown.includes(message), `the review should list "${message}": ${shown}`);
    }
    assert.ok(!refused.some((i) => /Create azureml/.test(i.label)), 'no way to send while there are errors');
    assert.ok(!prompter.messages.some((m) => m.severity === 'error'), 'the wizard did not end with an error');
    const puts = (await writes()).filter((r) => r.method === 'PUT');
    assert.equal(puts.length, 1);
    const clusterId = '/subscriptions/3f9e2d1c-7b6a-4c5d-8e9f-0a1b2c3d4e5f/resourceGroups/rg-aks-dev/providers/Microsoft.ContainerService/managedClusters/aks-dev-westus2';
    // What AzureMLKubernetes.Create adds for this two-node cluster in westus2 (see test/unit/lifecycle/cliRequestBodies.test.ts).
    assert.deepEqual((puts[0].body as PutBody).properties.configurationSettings, {
      enableInference: 'true',
      inferenceRouterServiceType: 'ClusterIP',
      allowInsecureConnections: 'true',
      enableTraining: 'False',
      clusterPurpose: 'DevTest',
      inferenceRouterHA: 'false',
      cluster_name: clusterId,
      clusterId,
      'prometheus.prometheusSpec.externalLabels.cluster_name': clusterId,
      domain: 'westus2.cloudapp.azure.com',
      location: 'westus2',
      jobSchedulerLocation: 'westus2',
      cluster_name_friendly: 'aks-dev-westus2',
      'servicebus.enabled': 'false',
      'relayserver.enabled': 'false',
      'nginxIngress.enabled': 'true',
    });
  });

  test('Dapr never waits for the CLI\'s question: skipExistingDaprCheck is sent', async () => {
    await runWith(
      api(),
      [
        { when: /Extension type/, pick: 'microsoft.dapr' },
        { when: /Name of the extension instance/, input: 'dapr' },
        { when: /Release namespace/, input: 'dapr-system' },
        { when: /Upgrades of the extension/, pick: 'Pin a version' },
        { when: /Version to pin/, pick: '1.14.4' },
        { when: /Is Dapr already installed/, pick: 'Install Dapr' },
        none(/\| Configuration settings$/),
        none(/\| Protected settings \(/),
              { when: /Review.*then choose/, pick: 'Create dapr' },
      ],
      'createExtension',
      await clusterNamed(api(), 'aks-dev-westus2'),
    );
    const body = (await writes()).find((r) => r.method === 'PUT')?.body as PutBody & { properties: { version?: string; autoUpgradeMinorVersion?: boolean } };
    assert.equal(body.properties.configurationSettings?.skipExistingDaprCheck, 'true');
    assert.equal(body.properties.version, '1.14.4');
    assert.equal(body.properties.autoUpgradeMinorVersion, false);
  });

  test('Dapr with settings from a file: "take over the Helm release" reaches Azure, never skipExistingDaprCheck', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aksext-dapr-file-'));
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ 'dapr_operator.replicaCount': '2' }));
    const { result } = await runWith<string>(
      api(),
      [
        { when: /Extension type/, pick: 'microsoft.dapr' },
        { when: /Name of the extension instance/, input: 'dapr' },
        { when: /Release namespace/, input: 'dapr-system' },
        { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
        { when: /Release train/, pick: 'stable' },
        { when: /Is Dapr already installed/, pick: 'Take over a Dapr installed with Helm' },
        { when: /Helm release name of the installed Dapr/, input: 'dapr' },
        { when: /Namespace of the installed Dapr/, input: 'dapr-legacy' },
        { when: /\| Configuration settings$/, pick: 'From a settings file' },
        { when: /^Settings file$/, file },
        none(/\| Protected settings \(/),
              { when: /Review.*then choose/, pick: /Create dapr/ },
      ],
      'createExtension',
      await clusterNamed(api(), 'aks-dev-westus2'),
    );
    assert.equal(result, 'succeeded');
    const settings = ((await writes()).find((r) => r.method === 'PUT')?.body as PutBody).properties.configurationSettings;
    assert.equal(settings?.existingDaprReleaseName, 'dapr');
    assert.equal(settings?.existingDaprReleaseNamespace, 'dapr-legacy');
    assert.equal(settings?.['dapr_operator.replicaCount'], '2', 'the file\'s settings are sent too');
    assert.equal(settings?.skipExistingDaprCheck, undefined);
  });

  test('Create from Settings File asks about an installed Dapr unless the file says', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aksext-dapr-preset-'));
    const file = path.join(dir, 'team.dapr.settings.json');
    fs.writeFileSync(file, JSON.stringify({ 'dapr_operator.replicaCount': '2' }));
    const { result, prompter } = await runWith<string>(
      api(),
      [
        { when: /Select a subscription/, pick: 'Contoso Dev/Test' },
        { when: /Select an AKS cluster/, pick: 'aks-dev-westus2' },
        { when: /Name of the extension instance/, input: 'dapr' },
        { when: /Release namespace/, input: 'dapr-system' },
        { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
        { when: /Release train/, pick: 'stable' },
        { when: /Is Dapr already installed/, pick: 'Take over a Dapr installed with Helm' },
        { when: /Helm release name of the installed Dapr/, input: 'dapr' },
        { when: /Namespace of the installed Dapr/, input: 'dapr-legacy' },
        none(/\| Protected settings \(/),
              { when: /Review.*then choose/, pick: /Create dapr/ },
      ],
      'createFromSettingsFile',
      vscode.Uri.file(file),
    );
    assert.equal(result, 'succeeded');
    assert.ok(prompter.questions.some((q) => /Is Dapr already installed/.test(q)));
    const settings = ((await writes()).find((r) => r.method === 'PUT')?.body as PutBody).properties.configurationSettings;
    assert.equal(settings?.existingDaprReleaseNamespace, 'dapr-legacy');
    assert.equal(settings?.skipExistingDaprCheck, undefined);
  });

  test('Create from Settings File honours aksClusterExtensions.settingsFiles: a file bound as protected is sent as protected', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the runner opens a workspace folder');
    const dir = fs.mkdtempSync(path.join(folder.uri.fsPath, 'bound-'));
    const file = path.join(dir, 'git-credentials.json');
    fs.writeFileSync(file, JSON.stringify({ gitToken: 'bound-as-protected' }));
    const glob = `${path.basename(dir)}/*.json`;
    const config = vscode.workspace.getConfiguration('aksClusterExtensions');
    await config.update('settingsFiles', { [glob]: { extensionType: 'microsoft.flux', protected: true } }, vscode.ConfigurationTarget.Global);
    try {
      const { result } = await runWith<string>(
        api(),
        [
          { when: /Select a subscription/, pick: 'Contoso Dev/Test' },
          { when: /Select an AKS cluster/, pick: 'aks-dev-westus2' },
          { when: /Name of the extension instance/, input: 'flux' },
          { when: /Release namespace/, input: '' },
          { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
          { when: /Release train/, pick: 'stable' },
          none(/\| Configuration settings$/),
                  { when: /Review.*then choose/, pick: 'Create flux' },
        ],
        'createFromSettingsFile',
        vscode.Uri.file(file),
      );
      assert.equal(result, 'succeeded');
      const body = (await writes()).find((r) => r.method === 'PUT')?.body as PutBody;
      assert.equal(body.properties.extensionType, 'microsoft.flux');
      assert.deepEqual(body.properties.configurationProtectedSettings, { gitToken: 'bound-as-protected' });
      assert.equal(body.properties.configurationSettings?.gitToken, undefined, 'never sent as readable settings');
    } finally {
      await config.update('settingsFiles', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('creates from a settings file and its protected companion: type from the file name, settings from both files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aksext-create-file-'));
    const file = path.join(dir, 'team.flux.settings.json');
    fs.writeFileSync(file, JSON.stringify({ 'helm-controller.detectDrift': 'true' }));
    fs.writeFileSync(path.join(dir, 'team.flux.protected.json'), JSON.stringify({ gitToken: 'from-file' }));
    const { result } = await runWith<string>(
      api(),
      [
        { when: /Select a subscription/, pick: 'Contoso Dev/Test' },
        { when: /Select an AKS cluster/, pick: 'aks-dev-westus2' },
        { when: /Name of the extension instance/, input: 'flux' },
        { when: /Release namespace/, input: '' },
        { when: /Upgrades of the extension/, pick: 'Upgrade minor versions automatically' },
        { when: /Release train/, pick: 'stable' },
              { when: /Review.*then choose/, pick: 'Create flux' },
      ],
      'createFromSettingsFile',
      vscode.Uri.file(file),
    );
    assert.equal(result, 'succeeded');
    const body = (await writes()).find((r) => r.method === 'PUT')?.body as PutBody;
    assert.equal(body.properties.extensionType, 'microsoft.flux');
    assert.deepEqual(body.properties.configurationSettings, { 'helm-controller.detectDrift': 'true' });
    assert.deepEqual(body.properties.configurationProtectedSettings, { gitToken: 'from-file' });
  });
});

suite('Lifecycle: update, protected settings, delete, recreate, conflicts, copy', () => {
  const { api } = lifecycleSuiteSetup();

  test('update sends only changed keys after a preview, and leaves protected settings untouched', async () => {
    const node = await extensionNamed(api(), 'aks-prod-eastus-01', 'azureml');
    const id = extensionId(node.parent, 'azureml');
    const protectedBefore = await emulatorControl.protectedSettingsOf(id);
    assert.ok(protectedBefore && Object.keys(protectedBefore).length > 0, 'the seed has protected settings');
    const { result, prompter } = await runWith<string>(
      api(),
      [
        { when: /Update azureml on/, pick: 'as key=value entries' },
        { when: /key=value to add or change/, input: 'inferenceRouterHA=false' },
        { when: /key=value to add or change/, input: 'nodeSelector.pool=gpu' },
        { when: /key=value to add or change/, input: '-sslCname' },
        { when: /key=value to add or change/, input: '' },
        { when: /Review.*then choose/, pick: 'Update azureml' },
      ],
      'updateExtension',
      node,
    );
    assert.equal(result, 'succeeded');
    assert.ok(prompter.questions.some((q) => /Review.*then choose/.test(q)));
    const patch = (await writes()).find((r) => r.method === 'PATCH');
    assert.deepEqual(patch?.body, { properties: { configurationSettings: { inferenceRouterHA: 'false', 'nodeSelector.pool': 'gpu', sslCname: null } } });
    assert.deepEqual(await emulatorControl.protectedSettingsOf(id), protectedBefore);
  });

  test('the protected-settings flow says every other key is deleted and sends nothing without the yes', async () => {
    const node = await extensionNamed(api(), 'aks-prod-eastus-01', 'azureml');
    const id = extensionId(node.parent, 'azureml');
    const protectedBefore = await emulatorControl.protectedSettingsOf(id);
    const answers = (yes: boolean): ScriptedAnswer[] => [
      { when: /\| Protected settings \(/, pick: 'Enter key=value entries' },
      { when: /Protected setting key/, input: 'sslCertPemFile' },
      { when: /Value of sslCertPemFile/, input: '/certs/new.pem' },
      { when: /Protected setting key/, input: 'sslKeyPemFile' },
      { when: /Value of sslKeyPemFile/, input: '/certs/new.key' },
      { when: /Protected setting key/, input: '' },
      { when: /Replace ALL protected settings/, confirm: yes },
    ];
    const refused = await runWith(api(), answers(false), 'updateProtectedSettings', node);
    assert.match(refused.prompter.confirmations[0]?.detail ?? '', /Every protected key not given here will be deleted/);
    assert.deepEqual(await writes(), []);
    assert.deepEqual(await emulatorControl.protectedSettingsOf(id), protectedBefore);
    const accepted = await runWith<string>(api(), answers(true), 'updateProtectedSettings', node);
    assert.equal(accepted.result, 'succeeded');
    const patch = (await writes()).find((r) => r.method === 'PATCH');
    assert.deepEqual(patch?.body, { properties: { configurationProtectedSettings: { sslCertPemFile: '/certs/new.pem', sslKeyPemFile: '/certs/new.key' } } });
    assert.deepEqual(await emulatorControl.protectedSettingsOf(id), { sslCertPemFile: '/certs/new.pem', sslKeyPemFile: '/certs/new.key' });
  });

  test('an operation already running is reported before anything is sent', async () => {
    const { prompter } = await runWith(api(), [], 'updateExtension', await extensionNamed(api(), 'aks-prod-weu-01', 'flux'));
    assert.match(prompter.messages[0]?.message ?? '', /flux on aks-prod-weu-01 is Creating: an operation is already running/);
    assert.deepEqual(await writes(), []);
  });

  test('delete asks (modal, naming extension and cluster), shows Deleting, and the row goes', async () => {
    const node = await extensionNamed(api(), 'aks-prod-eastus-01', 'dapr');
    const running = runWith<string>(api(), [{ when: /Delete dapr from aks-prod-eastus-01\?/, confirm: true }], 'deleteExtension', node);
    await treeShows(api(), 'aks-prod-eastus-01', 'dapr', /Deleting/);
    const { result, prompter } = await running;
    assert.equal(result, 'succeeded');
    assert.match(prompter.confirmations[0]?.detail ?? '', /Helm release later/);
    await treeShows(api(), 'aks-prod-eastus-01', 'dapr', undefined);
    assert.ok((await writes()).every((r) => !/forceDelete/.test(r.url)));
  });

  test('force delete removes an extension stuck in Deleting without waiting for the agent', async () => {
    const node = await extensionNamed(api(), 'aks-prod-eastus-02', 'dapr');
    const { prompter } = await runWith(api(), [{ when: /Force delete dapr from aks-prod-eastus-02\?/, confirm: true }], 'forceDeleteExtension', node);
    assert.match(prompter.confirmations[0]?.detail ?? '', /without waiting for the cluster agent/);
    assert.ok((await writes()).some((r) => r.method === 'DELETE' && /forceDelete=true/.test(r.url)));
    await treeShows(api(), 'aks-prod-eastus-02', 'dapr', undefined);
  });

  test('recreate deletes a Failed extension and creates it with the same type, scope and settings', async () => {
    const node = await extensionNamed(api(), 'aks-prod-weu-01', 'azure-aks-backup');
    const before = node.extension.configurationSettings;
    const { result, prompter } = await runWith<string>(
      api(),
      [
        { when: /Configuration settings to create azure-aks-backup/, pick: 'Keep the' },
        { when: /Review.*then choose/, pick: 'Delete and Create azure-aks-backup' },
        { when: /Delete azure-aks-backup from aks-prod-weu-01 and create it again\?/, confirm: true },
      ],
      'recreateExtension',
      node,
    );
    assert.equal(result, 'succeeded', JSON.stringify(prompter.messages));
    const review = prompter.offered.find((o) => /Review/.test(o.question))?.items.map((i) => `${i.label} ${i.detail ?? ''}`).join(' ') ?? '';
    assert.match(review, /named as Azure stores them; the az command names them as az k8s-extension takes them/, 'why the keys differ from the az line');
    const sent = await writes();
    assert.deepEqual(sent.map((r) => r.method), ['DELETE', 'PUT']);
    const body = sent[1].body as PutBody;
    assert.equal(body.properties.extensionType, 'microsoft.dataprotection.kubernetes');
    assert.deepEqual(body.properties.configurationSettings, before);
    await treeShows(api(), 'aks-prod-weu-01', 'azure-aks-backup', /^microsoft\.dataprotection\.kubernetes · (?!.*Failed)/);
  });

  test('Azure Backup takes no protected settings: the protected flow says so and asks nothing', async () => {
    const node = await extensionNamed(api(), 'aks-prod-eastus-01', 'azure-aks-backup');
    const { prompter } = await runWith(api(), [], 'updateProtectedSettings', node);
    assert.deepEqual(prompter.questions, []);
    assert.match(prompter.messages.map((m) => m.message).join('\n'), /takes no protected settings: the az CLI never sends them for this type/);
    assert.deepEqual(await writes(), []);
  });

  test('copy as az command gives the line of the chosen action', async () => {
    const node = await extensionNamed(api(), 'aks-prod-eastus-01', 'dapr');
    const { result } = await runWith<string>(api(), [{ when: /Copy the az command for dapr/, pick: 'Force delete' }], 'copyAsAzCommand', node);
    assert.match(result, /^az k8s-extension delete --name dapr --cluster-name aks-prod-eastus-01 --resource-group rg-aks-prod-eastus --cluster-type managedClusters .* --yes --force$/);
    assert.equal(await vscode.env.clipboard.readText(), result);
  });
});

suite('Lifecycle: deploy to clusters', () => {
  const { api } = lifecycleSuiteSetup();

  test('deploys an extension to many clusters through 429s and 500s; every cluster ends in the state the deterministic faults allow; summary document', async function () {
    this.timeout(90_000);
    const source = await extensionNamed(api(), 'aks-fabrikam-gitops', 'flux');
    // Spread deterministically (test/emulator/faults.ts): every 4th request to flux refused with 429, every 5th answered 500;
    // the SDK's retries and the rollout's shared pause get every one through.
    await emulatorControl.setFaults({ throttleRate: 0.25, retryAfterSeconds: 0.2, serverErrorRate: 0.2, pathPattern: 'extensions/flux' });
    const { result, prompter } = await runWith<{ cluster: { name: string }; outcome: string; message: string }[]>(
      api(),
      [
        { when: /Clusters to deploy/, pickMany: ['aks-dev-westus2', 'aks-prod-eastus-01', 'aks-legacy-sp', 'aks-fabrikam-ml'] },
        none(/\| Protected settings \(/),
        { when: /Review.*then choose/, pick: 'Deploy to 2 clusters' },
      ],
      'deployToClusters',
      source,
    );
    const requests = await emulatorControl.requests();
    await emulatorControl.setFaults({});
    assert.ok(requests.some((r) => r.status === 429) && requests.some((r) => r.status === 500), 'both faults were met');
    assert.deepEqual(
      Object.fromEntries(result.map((r) => [r.cluster.name, r.outcome])),
      { 'aks-dev-westus2': 'succeeded', 'aks-fabrikam-ml': 'succeeded', 'aks-prod-eastus-01': 'skipped', 'aks-legacy-sp': 'skipped' },
      JSON.stringify(result.map((r) => r.message)),
    );
    for (const name of ['aks-dev-westus2', 'aks-fabrikam-ml']) {
      await treeShows(api(), name, 'flux', /^microsoft\.flux · (?!.*(Creating|Failed))/);
    }
    assert.deepEqual(prompter.progressReports.at(-1), '2 of 2', prompter.progressReports.join(' / '));
    const summary = vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && d.getText().startsWith('# Deploy flux'));
    assert.ok(summary, 'summary document opened');
    assert.match(summary.getText(), /^# Deploy flux\n\n2 skipped, 2 succeeded, of 4 clusters\./);
    for (const name of ['aks-dev-westus2', 'aks-prod-eastus-01', 'aks-legacy-sp', 'aks-fabrikam-ml']) {
      assert.match(summary.getText(), new RegExp(`\\| ${name} \\|`));
    }
  });
});
