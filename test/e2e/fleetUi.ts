// Fleet UI check: the extension installed in code-server against the emulator switched to the 1,000-cluster scale
// seed, driven like a user in headless Chromium: open the Fleet view, expand a type and its Failed bucket, hover a
// cluster, click it (the Clusters view reveals it), search by name; screenshots in test-results/ui/fleet-*.png.
import type { Page } from 'playwright-core';
import type { Backends } from '../runner/backends';
import { scaleSeed } from '../emulator/scaleSeed';
import { descriptionOf, labels, openView, row, runBrowserCheck, type Screenshots, waitUntil } from './browserCheck';

const seed = scaleSeed();

/** Expands or collapses one pane of the view container (clicking its header only when it is not so already). */
async function setPane(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = page.locator('.pane-header', { hasText: new RegExp(`^${title}`, 'i') }).first();
  await waitUntil(async () => {
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) {
      await header.click();
    }
    return header.getAttribute('aria-expanded');
  }, (value) => value === String(expanded), `the ${title} pane ${expanded ? 'expanded' : 'collapsed'}`);
}

async function check(page: Page, shots: Screenshots, backends: Backends): Promise<void> {
  backends.emulator.useSeed(seed);
  await openView(page);
  const info = page.locator('.monaco-list-row .label-name', { hasText: /^As of / }).first();
  await info.waitFor({ timeout: 60_000 });
  await row(page, 'microsoft.flux').waitFor({ timeout: 30_000 });
  // The Clusters pane collapsed, so the Fleet view has the room.
  await setPane(page, 'Clusters', false);
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

  await member.click();
  await setPane(page, 'Clusters', true); // the click revealed the cluster there
  // Selected and expanded in the Clusters view (the fleet's member rows have no children, so no aria-expanded).
  const revealed = page.locator('.monaco-list-row.selected[aria-expanded="true"]').filter({ has: page.locator('.label-name').getByText(clusterName, { exact: true }) });
  await waitUntil(() => revealed.count(), (n) => n === 1, `${clusterName} selected and expanded in the Clusters view`);
  await shots.take(page, '4-revealed-in-clusters');

  await setPane(page, 'Clusters', false);
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
