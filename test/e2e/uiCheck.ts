// UI check: the extension installed in code-server against the emulator, driven like a user in headless Chromium:
// open the activity-bar view, expand a subscription and a cluster, check the rows against the seed, take screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startBackends } from '../runner/backends';
import { ensureCodeServer } from '../runner/codeServer';
import { describe, installExitHandlers, shutdown, startTimeout } from '../runner/lifecycle';
import { elapsed, fixtureWorkspace, repoRoot } from '../runner/paths';
import { launchBrowser, workbenchUrl } from '../runner/workbench';
import { clustersOf, failedExtension, richestCluster, subscriptionNames } from './seedExpectations';

const SHOTS = path.join(repoRoot, 'test-results', 'ui');
const VIEW = '[id="workbench.view.extension.aksClusterExtensions"]';

async function main(): Promise<void> {
  installExitHandlers();
  const install = await ensureCodeServer();
  startTimeout('AKSEXT_UI_TIMEOUT_MS', 5 * 60_000);
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const { server, stateDir } = await startBackends(install, 'ui', { port: 0, smokeTestDriver: false, installed: 'copy' });
  const { page } = await launchBrowser(stateDir);
  try {
    await check(page, workbenchUrl(server, fixtureWorkspace));
  } catch (error) {
    await page.screenshot({ path: path.join(SHOTS, 'failure.png') }).catch(() => undefined);
    return shutdown(1, `UI check FAILED (screenshot ${path.join(SHOTS, 'failure.png')}): ${describe(error)}`);
  }
  return shutdown(0, `UI check PASSED, screenshots in ${SHOTS}`);
}

async function check(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const icon = page.locator('.activitybar [aria-label^="AKS Cluster Extensions"]').first();
  await icon.waitFor({ timeout: 90_000 });
  console.log(`[ui] workbench with the activity-bar icon after ${elapsed()}`);
  await icon.click();
  await widenSideBar(page);

  for (const name of subscriptionNames) {
    await row(page, name).waitFor({ timeout: 30_000 });
  }
  await shot(page, '1-subscriptions');
  const [first = ''] = await labels(page);
  console.log(`[ui] subscriptions: ${(await labels(page)).join(', ')}; expanding "${first}"`);

  const clusters = clustersOf(first);
  await row(page, first).click();
  for (const name of clusters) {
    await row(page, name).waitFor({ timeout: 30_000 });
  }
  await shot(page, '2-clusters');

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
    const description = (await extensionRow.locator('.label-description').textContent())?.trim() ?? '';
    if (!description.startsWith(extension.description)) {
      throw new Error(`row "${extension.name}" reads "${description}", expected it to start with "${extension.description}"`);
    }
  }
  await shot(page, '3-extensions');
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
  const description = (await failedRow.locator('.label-description').textContent())?.trim() ?? '';
  if (!description.endsWith('· Failed')) {
    throw new Error(`row "${failed.name}" reads "${description}", expected it to end with "· Failed"`);
  }
  await failedRow.hover();
  await page.locator('.monaco-hover', { hasText: failed.errorCode }).first().waitFor({ timeout: 15_000 });
  await shot(page, '4-failed-tooltip');
  console.log(`[ui] ${failed.cluster}: "${failed.name}" reads "${description}" and its tooltip shows ${failed.errorCode}`);
}

/** Drags the side bar's edge so that the screenshots show rows' descriptions in full, not cut with an ellipsis. */
async function widenSideBar(page: Page): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (box) {
    const edge = { x: box.x + box.width + 2, y: box.y + box.height / 2 };
    await page.mouse.move(edge.x, edge.y);
    await page.mouse.down();
    await page.mouse.move(edge.x + 380, edge.y, { steps: 5 });
    await page.mouse.up();
  }
}

/** The tree row whose label is exactly `label` (labels such as "flux" also occur inside others). */
function row(page: Page, label: string): Locator {
  return page.locator(`${VIEW} .monaco-list-row`)
    .filter({ has: page.locator('.label-name').getByText(label, { exact: true }) });
}

async function labels(page: Page): Promise<string[]> {
  return (await page.locator(`${VIEW} .monaco-list-row .label-name`).allTextContents()).map((text) => text.trim());
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300); // let the list finish its render pass (twisties, icons) before the picture
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

main().catch((error: unknown) => shutdown(1, `UI check failed: ${describe(error)}`));
