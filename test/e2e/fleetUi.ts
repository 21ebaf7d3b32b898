// Fleet UI check: the extension installed in code-server against the emulator switched to the 1,000-cluster scale
// seed, driven like a user in headless Chromium: open the Fleet view, expand a type and its Failed bucket, hover a
// cluster, click it (the Clusters view reveals it), search by name; screenshots in test-results/ui/fleet-*.png.
import type { Page } from 'playwright-core';
import type { Backends } from '../runner/backends';
import { scaleSeed } from '../emulator/scaleSeed';
import { descriptionOf, labels, openView, row, runBrowserCheck, type Screenshots, waitUntil } from './browserCheck';

const seed = scaleSeed();

function pane(page: Page, title: string) {
  return page.locator('.pane-header', { hasText: new RegExp(`^${title}`, 'i') }).first();
}

async function check(page: Page, shots: Screenshots, backends: Backends): Promise<void> {
  backends.emulator.useSeed(seed);
  await openView(page);
  // The Clusters pane first collapsed, so the Fleet view has the room.
  await pane(page, 'Clusters').click();
  const info = page.locator('.monaco-list-row .label-name', { hasText: /^As of / }).first();
  await info.waitFor({ timeout: 60_000 });
  await row(page, 'microsoft.flux').waitFor({ timeout: 30_000 });
  const infoText = (await info.textContent()) ?? '';
  if (!/Resource Graph · 1,000 clusters$/.test(infoText.trim())) {
    throw new Error(`the first row reads "${infoText}"`);
  }
  await shots.take(page, '1-types');
  console.log(`[ui] fleet: ${(await labels(page)).join(' | ')}`);

  await row(page, 'microsoft.flux').click();
  const failedBucket = row(page, 'Failed');
  await failedBucket.waitFor({ timeout: 30_000 });
  const behind = row(page, '1.12.1');
  const behindText = await descriptionOf(behind);
  if (!/behind/.test(behindText)) {
    throw new Error(`1.12.1 reads "${behindText}", expected it to say behind`);
  }
  await shots.take(page, '2-flux-buckets');
  console.log(`[ui] microsoft.flux buckets: ${(await labels(page)).join(' | ')}`);

  await failedBucket.click();
  const failedFlux = seed.extensions.find((e) => e.properties.extensionType === 'microsoft.flux' && e.properties.provisioningState === 'Failed');
  const clusterName = failedFlux?.clusterId.split('/').pop() ?? '';
  const member = row(page, clusterName);
  await member.waitFor({ timeout: 30_000 });
  await member.hover();
  await page.locator('.monaco-hover', { hasText: 'timed out' }).first().waitFor({ timeout: 15_000 });
  await shots.take(page, '3-failed-member-tooltip');

  await pane(page, 'Clusters').click(); // open again: the click reveals the cluster there
  await member.click();
  await waitUntil(async () => page.locator('.monaco-list-row.selected .label-name', { hasText: clusterName }).count(), (n) => n >= 2, `${clusterName} selected in both views`);
  await shots.take(page, '4-revealed-in-clusters');

  await pane(page, 'Clusters').click();
  await page.locator('.pane-header', { hasText: /^Fleet/i }).first().hover();
  await page.locator('[aria-label^="Search Clusters by Name"]').first().click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill('data-prod-westeurope');
  await input.press('Enter');
  const shown = seed.clusters.filter((c) => String(c.name).includes('data-prod-westeurope')).length;
  await waitUntil(async () => (await info.textContent())?.trim() ?? '', (text) => text.endsWith(`· ${shown} of 1,000 clusters`), 'the filtered count');
  await shots.take(page, '5-search');
  console.log(`[ui] search "data-prod-westeurope": ${(await info.textContent())?.trim()}`);
}

runBrowserCheck('Fleet UI check', 'fleet', check);
