// Lifecycle UI check: creates an extension on a ready cluster through the real QuickPick wizard (context menu, typed
// answers, the review), follows its row from Creating to Succeeded, deletes it through the row's context menu and the
// modal dialog, and sees the row go. Screenshots of every stage in test-results/ui/lifecycle-*.png.
import type { Page } from 'playwright-core';
import { contextMenu, descriptionOf, openView, QUICK_INPUT, quickInputText, row, runBrowserCheck, type Screenshots, waitUntil } from './browserCheck';

const SUBSCRIPTION = 'Contoso Dev/Test';
const CLUSTER = 'aks-dev-westus2';
const NAME = 'flux';

const TITLE = `Create an extension on ${CLUSTER}`;
/** Flux's client ID without workload identity: a warning of the shared rules, in the editor and in the review. */
const SETTINGS = '{ "workloadIdentity.azureClientId": "00000000-0000-0000-0000-000000000000" }';

interface Question {
  /** What the quick input must say: title with the step counter, then placeholder or prompt. */
  readonly asks: RegExp;
  readonly type: string;
  readonly shot: string;
}

const step = (n: number, text: string): RegExp => new RegExp(`^${TITLE} \\(${n}/8\\) \\| ${text}`);

/** The wizard's questions before the settings, in order, with the answers typed. */
const BEFORE_SETTINGS: readonly Question[] = [
  { asks: step(1, 'Extension type'), type: 'microsoft.flux', shot: 'type' },
  { asks: step(2, 'Name of the extension instance'), type: NAME, shot: 'name' },
  { asks: step(3, 'Release namespace'), type: 'flux-system', shot: 'namespace' },
  { asks: step(4, 'Upgrades of the extension'), type: 'Upgrade minor versions', shot: 'upgrades' },
  { asks: step(5, 'Release train'), type: 'stable', shot: 'release-train' },
  { asks: step(6, 'Configuration settings'), type: 'Write them in an editor', shot: 'settings' },
];

/** The questions after the settings document, to the review, which lists the warning and sends on a choice naming it. */
const AFTER_SETTINGS: readonly Question[] = [
  { asks: step(7, 'Protected settings'), type: 'None', shot: 'protected-settings' },
  { asks: step(8, `Review the 1 warning\\(s\\), then choose Create ${NAME}`), type: `Create ${NAME} despite`, shot: 'review' },
];

async function answer(page: Page, shots: Screenshots, question: Question): Promise<void> {
  const asked = await waitUntil(() => quickInputText(page), (text) => question.asks.test(text), `the question ${String(question.asks)}`);
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await shots.take(page, `2-${question.shot}`); // the question and its choices, before the answer filters them
  await input.fill(question.type);
  console.log(`[ui] "${asked}" <- ${question.type}`);
  await input.press('Enter');
}

/**
 * The settings document: it opens as an empty object with the type's keys offered and no error, is bound to the
 * language server, which flags the client ID without workload identity as the user types; the editor-title button
 * ✓ Use These Settings hands the settings back to the wizard (the notification is a hint only, and may time out).
 */
async function writeSettings(page: Page, shots: Screenshots): Promise<void> {
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ timeout: 15_000 });
  const done = page.locator('.editor-actions .action-label[aria-label^="Use These Settings"]');
  await done.waitFor({ timeout: 15_000 });
  // The suggestions list Flux's keys once the server has the document: it has judged the untouched text by then.
  await page.locator('.suggest-widget .monaco-list-row').filter({ hasText: /^(fluxconfig|helm-controller|workloadIdentity)/ }).first().waitFor({ timeout: 30_000 });
  await shots.take(page, '2-settings-document-opened');
  const untouchedErrors = await editor.locator('.squiggly-error').count();
  if (untouchedErrors > 0) {
    throw new Error(`the untouched settings document shows ${untouchedErrors} error(s)`);
  }
  console.log(`[ui] the new settings document reads ${JSON.stringify((await editor.locator('.view-lines').textContent()) ?? '')}, no error, the keys offered`);
  await page.keyboard.press('Escape');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(SETTINGS); // typed keys would get auto-closed quotes and braces
  console.log(`[ui] the settings document reads: ${(await editor.locator('.view-lines').textContent()) ?? ''}`);
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
  // Go to Next Problem (F8) shows the language server's message under the line, as a user would read it.
  await page.keyboard.press('Control+Home');
  const problem = page.locator('.marker-widget');
  await waitUntil(async () => {
    await page.keyboard.press('F8');
    await page.waitForTimeout(300);
    return (await problem.textContent().catch(() => '')) ?? '';
  }, (text) => text.includes('has no effect unless workloadIdentity.enable'), 'the warning under the line');
  await shots.take(page, '2-settings-document');
  console.log('[ui] the settings document shows the language server\'s warning');
  await page.keyboard.press('Escape');
  await done.click();
}

/** The row's accessible label ends with the provisioning state, which the description leaves out once Succeeded. */
async function stateOf(page: Page, label: string): Promise<string> {
  const target = row(page, label);
  if ((await target.count()) === 0) {
    return 'gone';
  }
  // The row can vanish between the two reads (a delete ending): answer "unknown" and let the next poll look again.
  const ariaLabel = await target.getAttribute('aria-label', { timeout: 2_000 }).catch(() => '');
  return (ariaLabel ?? '').split(', ').pop() ?? '';
}

async function check(page: Page, shots: Screenshots): Promise<void> {
  await openView(page);
  await row(page, SUBSCRIPTION).click();
  await row(page, CLUSTER).click();
  await row(page, CLUSTER).waitFor({ timeout: 30_000 });
  await shots.take(page, '1-cluster');

  await contextMenu(page, CLUSTER, 'Create Extension...');
  for (const question of BEFORE_SETTINGS) {
    await answer(page, shots, question);
  }
  await writeSettings(page, shots);
  for (const question of AFTER_SETTINGS) {
    await answer(page, shots, question);
  }

  await waitUntil(() => stateOf(page, NAME), (state) => state === 'Creating', `${NAME} to show Creating`);
  await shots.take(page, '3-creating');
  console.log(`[ui] ${NAME} reads "${await descriptionOf(row(page, NAME))}"`);
  await waitUntil(() => stateOf(page, NAME), (state) => state === 'Succeeded', `${NAME} to show Succeeded`);
  await page.getByText(`${NAME} was created on ${CLUSTER}.`).first().waitFor({ timeout: 15_000 });
  await shots.take(page, '4-succeeded');
  console.log(`[ui] ${NAME} reads "${await descriptionOf(row(page, NAME))}", Succeeded`);

  await contextMenu(page, NAME, 'Delete Extension...');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.getByText(`Delete ${NAME} from ${CLUSTER}?`).waitFor({ timeout: 15_000 });
  await shots.take(page, '5-delete-dialog');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await waitUntil(() => stateOf(page, NAME), (state) => state === 'gone', `the ${NAME} row to disappear`);
  await shots.take(page, '6-deleted');
  console.log(`[ui] ${NAME} deleted from ${CLUSTER}: its row is gone`);
}

runBrowserCheck('Lifecycle UI check', 'lifecycle', check);
