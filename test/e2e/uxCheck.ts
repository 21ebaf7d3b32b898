// UX check: what a demanding first session found, driven like a user in headless Chromium — the subscription filter
// without the Azure Resources extension (one subscription, then none: the welcome), a tooltip that stays open while
// the tree watches a running operation, a recreate review whose first row sends nothing and whose send asks in a modal
// dialog, the Deploy to Clusters picker grouped by subscription with every skip marked, and a running row's menu.
// Screenshots in test-results/ui/ux-*.png.
import type { Page } from 'playwright-core';
import type { Backends } from '../runner/backends';
import { emulatorAccess } from '../support/emulatorAccess';
import { contextMenu, descriptionOf, labels, openView, QUICK_INPUT, quickInputText, row, runBrowserCheck, type Screenshots, VIEW, waitUntil } from './browserCheck';

const SUBSCRIPTIONS = ['Contoso Dev/Test', 'Contoso Production', 'Fabrikam Platform'];

/**
 * Clicks an action of the Clusters view's title by the start of its label: in the container's title when the view is
 * alone, in its pane header (shown on hover) when other views share the container.
 */
async function viewAction(page: Page, label: string): Promise<void> {
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'Clusters' }).first();
  if (await header.count()) {
    await header.hover();
  }
  await page.locator(`.part.sidebar .action-label[aria-label^="${label}"]`).first().click();
}

/** Runs Select Subscriptions… from the view title and clicks the rows of `toggle` (each click checks or unchecks one). */
async function selectSubscriptions(page: Page, toggle: readonly string[]): Promise<void> {
  await viewAction(page, 'Select Subscriptions');
  await waitUntil(() => quickInputText(page), (text) => text.startsWith('Select the subscriptions to show'), 'the subscription filter');
  for (const name of toggle) {
    await page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: name }).click();
  }
}

/** The labels of the Clusters view's rows (other views of the container, e.g. Fleet, left out). */
async function clusterLabels(page: Page): Promise<string[]> {
  const shown = await labels(page);
  const fleetStart = shown.findIndex((label) => /^As of /.test(label));
  return fleetStart < 0 ? shown : shown.slice(0, fleetStart);
}

async function acceptQuickInput(page: Page): Promise<void> {
  await page.locator(`${QUICK_INPUT} .quick-input-box input`).press('Enter');
}

async function subscriptionFilter(page: Page, shots: Screenshots): Promise<void> {
  await selectSubscriptions(page, ['Contoso Dev/Test', 'Fabrikam Platform']);
  await shots.take(page, '1-filter-one-checked');
  await acceptQuickInput(page);
  await waitUntil(() => clusterLabels(page), (shown) => shown.length === 1 && shown[0] === 'Contoso Production', 'only Contoso Production in the tree');
  if (await page.getByText('is not a registered configuration').count()) {
    throw new Error('the filter failed to write its setting');
  }
  await shots.take(page, '1-filter-one');
  console.log('[ui] filter: one subscription chosen, the tree shows just "Contoso Production", no error');

  await selectSubscriptions(page, ['Contoso Production']);
  await acceptQuickInput(page);
  await page.getByText('No subscriptions to show').first().waitFor({ timeout: 15_000 });
  await shots.take(page, '1-filter-none');
  console.log('[ui] filter: none chosen, the view shows the "No subscriptions to show" welcome');

  await selectSubscriptions(page, SUBSCRIPTIONS);
  await acceptQuickInput(page);
  await waitUntil(() => clusterLabels(page), (shown) => SUBSCRIPTIONS.every((s) => shown.includes(s)), 'every subscription back');
}

/** Hovers an unchanged row while another row of its cluster is Updating, and sees the tooltip stay through the polls. */
async function tooltipHoldsStill(page: Page, shots: Screenshots, backends: Backends): Promise<void> {
  await row(page, 'Contoso Production').click();
  await row(page, 'aks-prod-eastus-01').click();
  await row(page, 'azureml').waitFor({ timeout: 30_000 });
  backends.emulator.setOptions({ operationDelayMs: 14_000 });
  const access = emulatorAccess(backends.emulator);
  const subscription = (await access.listSubscriptions()).find((s) => s.name === 'Contoso Production');
  const cluster = subscription && (await access.listClusters(subscription)).find((c) => c.name === 'aks-prod-eastus-01');
  if (!cluster) {
    throw new Error('aks-prod-eastus-01 is not in the emulator');
  }
  await access.clientsFor(cluster.subscriptionId).kubernetesConfiguration.beginUpdate(cluster, 'dapr', {
    configurationSettings: { 'dapr_operator.logLevel': 'debug' },
  });
  await viewAction(page, 'Refresh');
  await waitUntil(() => descriptionOf(row(page, 'dapr')), (text) => text.endsWith('Updating'), 'dapr Updating');
  await row(page, 'azureml').hover();
  const hover = page.locator('.monaco-hover', { hasText: 'Microsoft.AzureML.Kubernetes' }).first();
  await hover.waitFor({ timeout: 15_000 });
  const started = Date.now();
  await waitUntil(() => descriptionOf(row(page, 'dapr')), (text) => !text.includes('Updating'), 'dapr to finish while the tooltip is open', 40_000);
  if (!(await hover.isVisible())) {
    throw new Error(`the azureml tooltip closed while the tree watched dapr (after ${Date.now() - started} ms)`);
  }
  await shots.take(page, '2-tooltip-holds');
  console.log(`[ui] the azureml tooltip stayed open ${Date.now() - started} ms while dapr went from Updating to Succeeded`);
  backends.emulator.setOptions({ operationDelayMs: 600 });
  await page.mouse.move(5, 5);
  await viewAction(page, 'Collapse All');
}

async function recreateReview(page: Page, shots: Screenshots, backends: Backends): Promise<void> {
  await row(page, 'Contoso Production').click();
  await row(page, 'aks-prod-weu-01').click();
  const stuck = await descriptionOf(row(page, 'flux'));
  if (!stuck.includes('stuck: Force Delete?')) {
    throw new Error(`the stuck Creating flux reads "${stuck}"`);
  }
  await row(page, 'flux').click({ button: 'right' });
  const menu = (await page.getByRole('menuitem').allTextContents()).join(' / ');
  if (!menu.includes('Force Delete Extension...') || /Update Extension|(^|\/ )Delete Extension/.test(menu)) {
    throw new Error(`the Creating row's menu offers: ${menu}`);
  }
  await shots.take(page, '3-running-row-menu');
  console.log(`[ui] the stuck Creating flux reads "${stuck}"; its menu has Force Delete and no Update or Delete`);
  await page.keyboard.press('Escape');

  await contextMenu(page, 'azure-aks-backup', 'Recreate Extension...');
  await waitUntil(() => quickInputText(page), (text) => /Configuration settings to create azure-aks-backup/.test(text), 'the settings question');
  await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill('Keep the');
  await acceptQuickInput(page);
  await waitUntil(() => quickInputText(page), (text) => /Review, then choose Delete and Create/.test(text), 'the recreate review');
  const focused = page.locator(`${QUICK_INPUT} .monaco-list-row.focused`);
  const first = (await focused.textContent()) ?? '';
  if (!first.startsWith('It failed with')) {
    throw new Error(`the review opens on "${first}", not on the failure`);
  }
  await shots.take(page, '4-recreate-review');
  await acceptQuickInput(page); // a stray Enter on the row that is active: nothing may happen but the review again
  await waitUntil(() => quickInputText(page), (text) => /Review, then choose/.test(text), 'the review after a stray Enter');
  await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill('Delete and Create');
  await acceptQuickInput(page);
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.getByText('Delete azure-aks-backup from aks-prod-weu-01 and create it again?').waitFor({ timeout: 15_000 });
  await shots.take(page, '5-recreate-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  if (backends.emulator.requests.some((r) => r.method === 'DELETE')) {
    throw new Error('something was deleted without the yes');
  }
  console.log(`[ui] the recreate review opens on "${first.slice(0, 60)}…", a stray Enter sends nothing, the send asks in a modal dialog`);
  await viewAction(page, 'Collapse All');
}

async function deployPicker(page: Page, shots: Screenshots): Promise<void> {
  await row(page, 'Fabrikam Platform').click();
  await row(page, 'aks-fabrikam-gitops').click();
  await contextMenu(page, 'flux', 'Deploy to Clusters...');
  await waitUntil(() => quickInputText(page), (text) => text.startsWith('Clusters to deploy flux to'), 'the cluster picker');
  const list = page.locator(`${QUICK_INPUT} .quick-input-list`);
  await list.getByText('Will be skipped: aks-legacy-sp uses a service principal', { exact: false }).first().waitFor({ timeout: 15_000 });
  const text = (await list.textContent()) ?? '';
  for (const expected of ['Contoso Dev/Test', 'Contoso Production', 'Will be skipped: aks-prod-eastus-02 is stopped', 'Will be skipped: Already has an extension named flux']) {
    if (!text.includes(expected)) {
      throw new Error(`the deploy picker does not show "${expected}": ${text}`);
    }
  }
  await shots.take(page, '6-deploy-picker');
  await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill('env=prod');
  await shots.take(page, '6-deploy-picker-tag-filter');
  console.log('[ui] deploy picker: clusters under their subscriptions, skips marked before picking, filtered by tag');
  await page.keyboard.press('Escape');
}

/** From a subscription the type comes first; the picker then marks the catalog's reasons (a Kubernetes version) too. */
async function deployFromSubscription(page: Page, shots: Screenshots): Promise<void> {
  await contextMenu(page, 'Contoso Production', 'Deploy to Clusters...');
  await waitUntil(() => quickInputText(page), (text) => text.includes('Extension type (from Azure for this subscription)'), 'the type question');
  await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill('contoso.azurevote');
  await acceptQuickInput(page);
  await waitUntil(() => quickInputText(page), (text) => text.startsWith('Clusters to deploy contoso.azurevote to'), 'the cluster picker for the type');
  const list = page.locator(`${QUICK_INPUT} .quick-input-list`);
  await list.getByText('Will be skipped: contoso.azurevote 0.2.1 does not run on Kubernetes 1.29.9', { exact: false }).first().waitFor({ timeout: 15_000 });
  await shots.take(page, '7-deploy-from-subscription');
  console.log('[ui] deploy from a subscription: the type first, then the clusters with the catalog\'s version reason marked');
  await wizardContinuesPicker(page, shots);
  await page.keyboard.press('Escape');
}

/** The create wizard after the picker counts on from it, and its Back button returns to the picker with the cluster still checked. */
async function wizardContinuesPicker(page: Page, shots: Screenshots): Promise<void> {
  const cluster = page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: 'aks-prod-eastus-01' });
  await cluster.click();
  await acceptQuickInput(page);
  // The title and the prompt change one after the other: wait for both.
  const name = await waitUntil(
    () => quickInputText(page),
    (text) => text.includes('Name of the extension instance') && /\(3\/\d+\)/.test(text),
    'the wizard\'s first question, counted on from the type and the clusters (3/…)',
  );
  await shots.take(page, '7-deploy-wizard-counts-on');
  await page.locator(`${QUICK_INPUT} .codicon-quick-input-back`).click();
  const picker = await waitUntil(() => quickInputText(page), (text) => text.startsWith('Clusters to deploy contoso.azurevote to'), 'the cluster picker again, after Back');
  await page.locator(`${QUICK_INPUT} .monaco-list-row[aria-checked="true"]`, { hasText: 'aks-prod-eastus-01' }).waitFor({ timeout: 15_000 });
  await shots.take(page, '7-deploy-back-to-picker');
  console.log(`[ui] the wizard asks "${name}"; Back returns to "${picker}" with aks-prod-eastus-01 still checked`);
}

/** The palette's Show Extension: one list of every extension, cluster and subscription in each row; typing a cluster filters. */
async function flatExtensionPick(page: Page, shots: Screenshots): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill('>AKS Cluster Extensions: Show Extension');
  await waitUntil(() => page.locator(`${QUICK_INPUT} .monaco-list-row.focused`).textContent(), (text) => (text ?? '').includes('Show Extension'), 'the command in the palette');
  await acceptQuickInput(page);
  await waitUntil(() => quickInputText(page), (text) => text.startsWith('Select an extension'), 'the one list of extensions');
  const rows = page.locator(`${QUICK_INPUT} .monaco-list-row`);
  await rows.filter({ hasText: 'aks-fabrikam-ml · Fabrikam Platform' }).first().waitFor({ timeout: 15_000 });
  await shots.take(page, '8-palette-extension-pick');
  await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill('eastus-02');
  await waitUntil(() => rows.allTextContents(), (texts) => texts.length === 1 && texts[0].includes('Deleting'), 'the list filtered by cluster');
  await shots.take(page, '8-palette-extension-pick-filtered');
  console.log('[ui] palette Show Extension: one list of every extension with cluster and subscription, filtered by typing a cluster');
  await page.keyboard.press('Escape');
}

/** The Delete key on an extension row chosen with the keyboard asks in the modal dialog; Cancel sends nothing. */
async function deleteKey(page: Page, shots: Screenshots, backends: Backends): Promise<void> {
  const cluster = row(page, 'aks-fabrikam-gitops');
  await page.mouse.move(1000, 600); // away from the rows, so no hover covers the one clicked
  await cluster.click();
  if ((await cluster.getAttribute('aria-expanded')) !== 'true') {
    await page.keyboard.press('ArrowRight');
  }
  const focusedLabel = async (): Promise<string | undefined> => (await page.locator(`${VIEW} .monaco-list-row.focused .label-name`).textContent())?.trim();
  for (let moves = 0; moves < 6 && (await focusedLabel()) !== 'flux'; moves++) {
    await page.keyboard.press('ArrowDown');
  }
  await waitUntil(focusedLabel, (label) => label === 'flux', 'flux focused by the keyboard');
  await shots.take(page, '9-delete-key-row');
  await page.keyboard.press('Delete');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.getByText('Delete flux from aks-fabrikam-gitops?').waitFor({ timeout: 15_000 });
  await shots.take(page, '9-delete-key-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 });
  if (backends.emulator.requests.some((r) => r.method === 'DELETE')) {
    throw new Error('the Delete key deleted without the yes');
  }
  console.log('[ui] Delete on the flux row chosen with the keyboard asks "Delete flux from aks-fabrikam-gitops?"; Cancel sends nothing');
}

async function check(page: Page, shots: Screenshots, backends: Backends): Promise<void> {
  await openView(page);
  for (const name of SUBSCRIPTIONS) {
    await row(page, name).waitFor({ timeout: 30_000 });
  }
  await subscriptionFilter(page, shots);
  await tooltipHoldsStill(page, shots, backends);
  await recreateReview(page, shots, backends);
  await deployPicker(page, shots);
  await deployFromSubscription(page, shots);
  await flatExtensionPick(page, shots);
  await deleteKey(page, shots, backends);
}

runBrowserCheck('UX check', 'ux', check);
