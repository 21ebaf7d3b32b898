// What the browser checks share: the extension installed in code-server against the emulator, driven like a user in
// headless Chromium, the activity-bar view's rows found by their labels, and screenshots in test-results/ui.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type Backends, startBackends } from '../runner/backends';
import { ensureCodeServer } from '../runner/codeServer';
import { describe, installExitHandlers, shutdown, startTimeout } from '../runner/lifecycle';
import { elapsed, fixtureWorkspace, repoRoot } from '../runner/paths';
import { launchBrowser, workbenchUrl } from '../runner/workbench';

const SHOTS = path.join(repoRoot, 'test-results', 'ui');
export const VIEW = '[id="workbench.view.extension.aksClusterExtensions"]';

/** Saves screenshots named `<prefix>-<name>.png`; a check's old screenshots go when it starts, the other checks' stay. */
export interface Screenshots {
  take(page: Page, name: string): Promise<void>;
}

/**
 * Runs one browser check end to end: code-server and the emulator started, the workbench opened on the fixture
 * workspace, `check` run, and everything stopped with exit code 0 or 1 (a failure leaves `<prefix>-failure.png`).
 */
export function runBrowserCheck(title: string, prefix: string, check: BrowserCheck): void {
  installExitHandlers();
  run(title, prefix, check).catch((error: unknown) => shutdown(1, `${title} failed: ${describe(error)}`));
}

type BrowserCheck = (page: Page, shots: Screenshots, backends: Backends) => Promise<void>;

async function run(title: string, prefix: string, check: BrowserCheck): Promise<void> {
  const install = await ensureCodeServer();
  startTimeout('AKSEXT_UI_TIMEOUT_MS', 5 * 60_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.readdirSync(SHOTS).filter((file) => file.startsWith(`${prefix}-`)).forEach((file) => fs.rmSync(path.join(SHOTS, file)));
  const backends = await startBackends(install, prefix, { port: 0, smokeTestDriver: false, installed: true });
  const { page } = await launchBrowser(backends.stateDir);
  const shots: Screenshots = {
    async take(target, name) {
      await target.waitForTimeout(300); // let the list finish its render pass (twisties, icons) before the picture
      await target.screenshot({ path: path.join(SHOTS, `${prefix}-${name}.png`) });
    },
  };
  const failure = path.join(SHOTS, `${prefix}-failure.png`);
  try {
    await page.goto(workbenchUrl(backends.server, fixtureWorkspace));
    await check(page, shots, backends);
  } catch (error) {
    await page.screenshot({ path: failure }).catch(() => undefined);
    return shutdown(1, `${title} FAILED (screenshot ${failure}): ${describe(error)}`);
  }
  return shutdown(0, `${title} PASSED, screenshots in ${SHOTS}`);
}

/** Opens the extension's activity-bar view and widens the side bar so rows' descriptions show in full. */
export async function openView(page: Page): Promise<void> {
  const icon = page.locator('.activitybar [aria-label^="AKS Cluster Extensions"]').first();
  await icon.waitFor({ timeout: 90_000 });
  console.log(`[ui] workbench with the activity-bar icon after ${elapsed()}`);
  await icon.click();
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
export function row(page: Page, label: string): Locator {
  return page.locator(`${VIEW} .monaco-list-row`)
    .filter({ has: page.locator('.label-name').getByText(label, { exact: true }) });
}

/** The labels of the rows the view shows now, top to bottom. */
export async function labels(page: Page): Promise<string[]> {
  return (await page.locator(`${VIEW} .monaco-list-row .label-name`).allTextContents()).map((text) => text.trim());
}

/** A row's description (for an extension: "type · version", then " · state" unless Succeeded). */
export async function descriptionOf(target: Locator): Promise<string> {
  return (await target.locator('.label-description').textContent())?.trim() ?? '';
}

/** Waits until `read` returns a value that passes `accept`, polling; throws with the last value after `timeoutMs`. */
export async function waitUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const QUICK_INPUT = '.quick-input-widget';

/** What the quick input shows now: title (with the step counter), placeholder, and the prompt or validation message. */
export async function quickInputText(page: Page): Promise<string> {
  const widget = page.locator(QUICK_INPUT);
  if (!(await widget.isVisible())) {
    return '';
  }
  const title = (await widget.locator('.quick-input-title').textContent()) ?? '';
  const placeholder = (await widget.locator('.quick-input-box input').getAttribute('placeholder')) ?? '';
  const message = (await widget.locator('.quick-input-message').textContent().catch(() => '')) ?? '';
  return [title, placeholder, message].map((text) => text.trim()).filter(Boolean).join(' | ');
}

/** Right-clicks a row and chooses a context-menu item by its title. */
export async function contextMenu(page: Page, label: string, item: string): Promise<void> {
  await row(page, label).click({ button: 'right' });
  // The menu ignores the mouse-up that opened it, and a click that comes too soon with it: choose with the keyboard.
  // The item's name may end with its key ("Delete Extension... Del"): match from the start, up to a space or the end.
  const name = new RegExp(`^${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
  await page.getByRole('menuitem', { name }).first().hover();
  await page.keyboard.press('Enter');
}
