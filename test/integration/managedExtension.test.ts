import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulatorControl } from './emulatorControl';
import { EXTENSION_ID } from './extensionApi';
import { clusterNamed, extensionNamed, fluxWizard, lifecycleSuiteSetup, runWith, writes } from './lifecycle/lifecycleFixture';

/** The context-menu entries of the extension, each with a test of its `viewItem =~ /…/` clauses (all must match). */
function menuPatterns(): { command: string; pattern: { test(contextValue: string): boolean } }[] {
  const menus = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus;
  return menus['view/item/context'].map((entry) => {
    const clauses = [...(entry.when ?? '').matchAll(/viewItem =~ \/(.+?)\/(?= &&|$)/g)].map((m) => new RegExp(m[1]));
    return { command: entry.command.replace('aksClusterExtensions.', ''), pattern: { test: (value: string) => clauses.length > 0 && clauses.every((c) => c.test(value)) } };
  });
}

function tooltipText(item: vscode.TreeItem): string {
  return item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
}

suite('API 2025-03-01 fields in the tree and the commands', () => {
  const { api } = lifecycleSuiteSetup();

  test('a managed extension says who manages it, shows its links, mode and state, and its menu offers no write', async () => {
    const item = api().tree.getTreeItem(await extensionNamed(api(), 'aks-fabrikam-gitops', 'azurecontainerstorage'));
    assert.match(String(item.description), /^microsoft\.azurecontainerstorage · 1\.1\.1 · managed by aks-fabrikam-gitops$/);
    const tooltip = tooltipText(item);
    assert.match(tooltip, /Managed by \*\*aks-fabrikam-gitops\*\* \(Microsoft\.ContainerService\)/);
    assert.match(tooltip, /Users are allowed to only READ through Extensions RP\. Change it through aks-fabrikam-gitops\./);
    assert.match(tooltip, /Auto-upgrade mode: patch/);
    assert.match(tooltip, /On the cluster: Ready/);
    assert.match(tooltip, /\[Documentation\]\(https:\/\/learn\.microsoft\.com\/.+\) · \[Release notes\]\(https:.+\) · \[Troubleshooting guide\]\(https:.+\)/);
    const offered = menuPatterns().filter((m) => m.pattern.test(String(item.contextValue))).map((m) => m.command);
    for (const write of ['updateExtension', 'updateProtectedSettings', 'deleteExtension', 'forceDeleteExtension', 'recreateExtension', 'deployToClusters']) {
      assert.ok(!offered.includes(write), `${write} must not be offered on a managed extension (offered: ${offered.join(', ')})`);
    }
    assert.ok(offered.includes('showExtension') && offered.includes('copyAsAzCommand'), 'reading stays possible');
    const own = api().tree.getTreeItem(await extensionNamed(api(), 'aks-fabrikam-gitops', 'flux'));
    assert.ok(menuPatterns().some((m) => m.command === 'updateExtension' && m.pattern.test(String(own.contextValue))), 'the user\'s own extension keeps its writes');
  });

  test('from the palette, every write to a managed extension is refused before anything is sent', async () => {
    const node = await extensionNamed(api(), 'aks-fabrikam-gitops', 'azurecontainerstorage');
    for (const command of ['updateExtension', 'updateProtectedSettings', 'deleteExtension', 'forceDeleteExtension', 'deployToClusters']) {
      const { prompter } = await runWith(api(), [], command, node);
      assert.match(prompter.messages.at(-1)?.message ?? '', /managed by aks-fabrikam-gitops: Azure lets you only read it/, command);
    }
    assert.deepEqual(await writes(), []);
  });

  test('a Marketplace extension shows its plan and user-assigned identity; a failure only in statuses[] reads Failed with the reason', async () => {
    const vote = tooltipText(api().tree.getTreeItem(await extensionNamed(api(), 'aks-fabrikam-gitops', 'azure-vote')));
    assert.match(vote, /Marketplace plan: azure-vote-standard \/ azure-vote-offer \/ contoso/);
    assert.match(vote, /Identity in the cluster: UserAssigned, given by AKS/);
    const failed = api().tree.getTreeItem(await extensionNamed(api(), 'aks-prod-weu-01', 'azuremonitor-containers'));
    assert.match(String(failed.description), /· Failed$/);
    assert.match(tooltipText(failed), /InstallationFailed: .*The fleet notify operation failed/);
  });

  test('recreate of a failure reported only in statuses[] gives that reason in its review, before what it does', async () => {
    const { result, prompter } = await runWith<string | undefined>(
      api(),
      [
        { when: /Configuration settings to create azuremonitor-containers/, pick: 'Keep the' },
        { when: /\| Protected settings \(/, pick: 'None' },
        // The stored settings break a rule (the monitoring prerequisites), so the review offers Back, not the send.
        { when: /Recreate azuremonitor-containers on aks-prod-weu-01 \| (Review|Fix)/ },
      ],
      'recreateExtension',
      await extensionNamed(api(), 'aks-prod-weu-01', 'azuremonitor-containers'),
    );
    assert.equal(result, undefined);
    const labels = prompter.offered.find((o) => /Review/.test(o.question))?.items.map((i) => i.label) ?? [];
    const failure = labels.findIndex((l) => /^It failed with InstallationFailed: The fleet notify operation failed/.test(l));
    assert.ok(failure >= 0 && failure < labels.findIndex((l) => /^Deletes azuremonitor-containers/.test(l)), labels.join('\n'));
    assert.deepEqual(await writes(), []);
  });

  test('create stops before sending when the catalog says the region, the Kubernetes version or a second instance cannot work', async () => {
    const vote: Parameters<typeof fluxWizard>[1] = [
      { when: /Extension type/, pick: 'contoso.azurevote' },
      { when: /Name of the extension instance/, input: 'vote' },
      { when: /Scope of the installation/, pick: 'Cluster' },
      { when: /Marketplace plan of contoso\.azurevote/, pick: 'Plan azure-vote-standard' },
    ];
    const region = await runWith(api(), fluxWizard('Create vote', vote), 'createExtension', await clusterNamed(api(), 'aks-dev-westus2'));
    assert.match(region.prompter.messages.at(-1)?.message ?? '', /nothing was sent\. contoso\.azurevote is not offered in westus2, where aks-dev-westus2 runs/);
    const version = await runWith(api(), fluxWizard('Create vote', vote), 'createExtension', await clusterNamed(api(), 'aks-prod-weu-01'));
    assert.match(version.prompter.messages.at(-1)?.message ?? '', /contoso\.azurevote 0\.2\.1 does not run on Kubernetes 1\.29\.9 .*pin 0\.2\.0/);
    const second = await runWith(api(), fluxWizard('Create gitops', [{ when: /Name of the extension instance/, input: 'gitops' }]), 'createExtension', await clusterNamed(api(), 'aks-fabrikam-gitops'));
    assert.match(second.prompter.messages.at(-1)?.message ?? '', /already has microsoft\.flux \(as flux\), and the type allows one instance per cluster/);
    assert.deepEqual(await writes(), []);
  });

  test('deploy skips, with the catalog\'s reason in the review, the clusters whose region or Kubernetes version cannot take the type', async () => {
    const source = await extensionNamed(api(), 'aks-fabrikam-gitops', 'azure-vote');
    const { prompter } = await runWith(
      api(),
      [
        { when: /Clusters to deploy azure-vote to/, pickMany: ['aks-dev-westus2', 'aks-prod-weu-01', 'aks-fabrikam-ml'] },
        { when: /\| Protected settings \(/, pick: 'None' },
        { when: /to 1 cluster/, back: true },
        { when: /\| Protected settings \(/, back: true },
        { when: /Clusters to deploy azure-vote to/, pickMany: [] },
      ],
      'deployToClusters',
      source,
    );
    const review = prompter.offered.find((o) => /to 1 cluster/.test(o.question))?.items.map((i) => [i.label, i.detail ?? ''].join(' ')).join('\n') ?? '';
    assert.match(review, /Skips aks-dev-westus2: contoso\.azurevote is not offered in westus2/, review);
    assert.match(review, /Skips aks-prod-weu-01: contoso\.azurevote 0\.2\.1 does not run on Kubernetes 1\.29\.9/, review);
    assert.doesNotMatch(review, /Skips aks-fabrikam-ml/);
    // The picker said so before the clusters were picked, from the same check.
    const picker = prompter.offered.find((o) => /Clusters to deploy azure-vote to/.test(o.question))?.items ?? [];
    const detail = (name: string): string | undefined => picker.find((i) => i.label.endsWith(name))?.detail;
    assert.equal(detail('aks-dev-westus2'), 'Will be skipped: contoso.azurevote is not offered in westus2, where aks-dev-westus2 runs');
    assert.equal(detail('aks-prod-weu-01'), 'Will be skipped: contoso.azurevote 0.2.1 does not run on Kubernetes 1.29.9');
    assert.equal(detail('aks-fabrikam-ml'), undefined);
    assert.deepEqual(await writes(), []);
  });

  test('the picker shows publisher and description, a Marketplace type gets its plan from the catalog, and patch upgrades are sent as autoUpgradeMode', async () => {
    const { prompter } = await runWith<string>(
      api(),
      fluxWizard('Create azure-vote-2', [
        { when: /Extension type/, pick: 'contoso.azurevote' },
        { when: /Name of the extension instance/, input: 'azure-vote-2' },
        { when: /Scope of the installation/, pick: 'Namespace' },
        { when: /Target namespace/, input: 'vote2' },
        { when: /Upgrades of the extension/, pick: 'Upgrade patch versions only' },
        { when: /Marketplace plan/, pick: 'Plan azure-vote-standard' },
      ]),
      'createExtension',
      await clusterNamed(api(), 'aks-fabrikam-gitops'),
    );
    const review = prompter.offered.find((o) => /Review/.test(o.question))?.items.map((i) => i.label) ?? [];
    assert.ok(review.some((l) => /^Identity: none sent \(az sends none to AKS\); AKS gives one in the cluster$/.test(l)), review.join('\n'));
    const voteItem = prompter.offered.find((o) => /Extension type/.test(o.question))?.items.find((i) => i.label === 'contoso.azurevote');
    assert.equal(voteItem?.description, 'Contoso Ltd.');
    assert.equal(voteItem?.detail, 'Azure Vote sample application (Azure Marketplace)');
    const put = (await writes()).find((r) => r.method === 'PUT');
    const body = put?.body as { plan?: unknown; properties: { autoUpgradeMode?: string } };
    assert.deepEqual(body.plan, { name: 'azure-vote-standard', product: 'azure-vote-offer', publisher: 'contoso' });
    assert.equal(body.properties.autoUpgradeMode, 'patch');
    // Every Microsoft.KubernetesConfiguration call of the flow (catalog, PUT, polling, reads) on the current versions.
    const calls = (await emulatorControl.requests()).filter((r) => /\/providers\/Microsoft\.KubernetesConfiguration\//i.test(r.url));
    assert.ok(calls.some((r) => /\/extensionTypes/i.test(r.url)) && calls.some((r) => /\/operations\//.test(r.url)), calls.map((c) => c.url).join('\n'));
    for (const call of calls) {
      assert.match(call.url, /\/extensionTypes/i.test(call.url) ? /api-version=2026-05-01/ : /api-version=2025-03-01/, `${call.method} ${call.url}`);
    }
  });
});
