import * as vscode from 'vscode';
import type { StepPosition } from '../../ui/multiStep';
import type { PickItem, Prompter } from '../../ui/prompter';

const OTHER = Symbol('other');

/** A pick from known values that always allows free text too ("Other…"); undefined when cancelled. */
export async function pickOrType(
  prompter: Prompter,
  items: readonly PickItem<string>[],
  options: { title: string; placeHolder?: string; inputPrompt: string; value?: string; validate?: (value: string) => string | undefined },
  position: StepPosition,
): Promise<string | undefined> {
  const picked = await prompter.pick<string | typeof OTHER>(
    [...items, { label: `$(edit) ${vscode.l10n.t('Other…')}`, description: vscode.l10n.t('type a value'), value: OTHER }],
    { title: options.title, placeHolder: options.placeHolder, ...position },
  );
  if (picked !== OTHER) {
    return picked;
  }
  const typed = await prompter.input({ title: options.title, prompt: options.inputPrompt, value: options.value, validate: options.validate ?? requireValue, ...position });
  return typed?.trim();
}

/** The validation of a required free-text answer. */
export function requireValue(value: string): string | undefined {
  return value.trim() ? undefined : vscode.l10n.t('A value is required.');
}
