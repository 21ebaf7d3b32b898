// UI check: the extension installed in code-server against the emulator, driven like a user in headless Chromium:
// open the activity-bar view, expand a subscription and a cluster, check the rows against the seed, take screenshots.
import type { Page } from 'playwright-core';
import { descriptionOf, labels, openView, row, runBrowserCheck, type Screenshots } from './browserCheck';
import { clustersOf, failedExtension, managedExtension, richestCluster, subscriptionNames } from './seedExpectations';

async function check(page: Page, shots: Screenshots): Promise<void> {
  await openView(page);

  for (const name of subscriptionNames) {
    await row(page, name).waitFor({ timeout: 30_000 });
  }
  await shots.take(page, '1-subscriptions');
  const [first = ''] = await labels(page);
  console.log(`[ui] subscriptions: ${(await labels(page)).join(', ')}; expanding "${first}"`);

  const clusters = clustersOf(first);
  await row(page, first).click();
  for (const name of clusters) {
    await row(page, name).waitFor({ timeout: 30_000 });
  }
  await shots.take(page, '2-clusters');

  // The first subscription may hold no cluster with extensions: the richest cluster of the seed is checked wherever it is.
  const { subscription, cluster, extensions } = richestCluster();
  console.log(`[ui] clusters of "${first}": ${clusters.join(', ')}; expanding "${subscription}" > "${cluster}"`);
  if (subscription !== first) {
    await row(page, subscription).click();
  }
  await row(page, cluster).click();
  for (const extension of extensions) {
    const extensionRow = row(page, extension.name);
    await extensionRow.waitFor({ timeout: 30_000 });
    const description = await descriptionOf(extensionRow);
    if (!description.startsWith(extension.description)) {
      throw new Error(`row "${extension.name}" reads "${description}", expected it to start with "${extension.description}"`);
    }
  }
  await shots.take(page, '3-extensions');
  console.log(`[ui] ${cluster}: ${extensions.map((e) => `${e.name} (${e.description})`).join(', ')}`);

  // A Failed extension: its row says so, and hovering it shows Azure's errorInfo.
  const failed = failedExtension();
  await row(page, cluster).click(); // collapse, to make room
  if (failed.subscription !== subscription) {
    await row(page, failed.subscription).click();
  }
  await row(page, failed.cluster).click();
  const failedRow = row(page, failed.name);
  await failedRow.waitFor({ timeout: 30_000 });
  const description = await descriptionOf(failedRow);
  if (!description.endsWith('· Failed')) {
    throw new Error(`row "${failed.name}" reads "${description}", expected it to end with "· Failed"`);
  }
  await failedRow.hover();
  await page.locator('.monaco-hover', { hasText: failed.errorCode }).first().waitFor({ timeout: 15_000 });
  await shots.take(page, '4-failed-tooltip');
  console.log(`[ui] ${failed.cluster}: "${failed.name}" reads "${description}" and its tooltip shows ${failed.errorCode}`);

  // A managed extension (API 2025-03-01): its row names the manager, its tooltip says who may change it and links the docs.
  const managed = managedExtension();
  await page.mouse.move(0, 0); // away from the failed row, so its hover closes
  await row(page, failed.cluster).click();
  if (managed.subscription !== failed.subscription) {
    await row(page, managed.subscription).click();
  }
  await row(page, managed.cluster).click();
  const managedRow = row(page, managed.name);
  await managedRow.waitFor({ timeout: 30_000 });
  const managedDescription = await descriptionOf(managedRow);
  if (!managedDescription.endsWith(`managed by ${managed.manager}`)) {
    throw new Error(`row "${managed.name}" reads "${managedDescription}", expected it to end with "managed by ${managed.manager}"`);
  }
  await managedRow.hover();
  await page.locator('.monaco-hover', { hasText: 'Troubleshooting guide' }).first().waitFor({ timeout: 15_000 });
  await page.locator('.monaco-hover', { hasText: `Managed by ${managed.manager}` }).first().waitFor({ timeout: 5_000 });
  await shots.take(page, '5-managed-tooltip');
  console.log(`[ui] ${managed.cluster}: "${managed.name}" reads "${managedDescription}"; its tooltip names the manager and links the docs`);
}

runBrowserCheck('UI check', 'tree', check);
