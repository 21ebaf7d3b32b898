import * as vscode from 'vscode';
import type { StepPosition } from '../../ui/multiStep';
import type { Prompter } from '../../ui/prompter';

/** Settings as the user gave them: none, typed entries, or a JSON file (never both, the CLI's rule). */
export type SettingsAnswer =
  | { readonly kind: 'none' }
  | { readonly kind: 'entries'; readonly values: Record<string, string> }
  | { readonly kind: 'file'; readonly path: string };

/** Splits `key=value` at the first `=`; undefined when there is no key. */
export function parseEntry(text: string): [string, string] | undefined {
  const at = text.indexOf('=');
  const key = at > 0 ? text.slice(0, at).trim() : '';
  return key ? [key, text.slice(at + 1)] : undefined;
}

/**
 * Settings edited entry by entry until an empty one: `key=value` adds or changes (`apply(key, value)`), `-key` removes
 * (`apply(key, undefined)`); `keys` lists what the prompt names. False when the user cancels.
 */
export async function askSettingEdits(prompter: Prompter, title: string, keys: () => readonly string[], apply: (key: string, value: string | undefined) => void): Promise<boolean> {
  for (;;) {
    const text = await prompter.input({
      title,
      prompt: vscode.l10n.t('key=value to add or change, -key to remove; leave empty to finish. Keys: {0}', keys().join(', ') || vscode.l10n.t('none')),
      validate: (v) => (v.trim() === '' || /^-\S/.test(v.trim()) || parseEntry(v) ? undefined : vscode.l10n.t('Write key=value, or -key to remove it.')),
    });
    if (text === undefined) {
      return false;
    }
    const trimmed = text.trim();
    if (trimmed === '') {
      return true;
    }
    const entry = trimmed.startsWith('-') ? ([trimmed.slice(1), undefined] as const) : parseEntry(text);
    if (entry) {
      apply(entry[0], entry[1]);
    }
  }
}

/** Plain settings, one `key=value` per input box until an empty one. */
async function askPlainEntries(prompter: Prompter, title: string, position: StepPosition): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = {};
  for (;;) {
    const text = await prompter.input({
      title,
      ...position,
      prompt: vscode.l10n.t('A setting as key=value; leave empty to finish. So far: {0}', Object.keys(values).join(', ') || vscode.l10n.t('none')),
      validate: (v) => (v.trim() === '' || parseEntry(v) ? undefined : vscode.l10n.t('Write key=value.')),
    });
    if (text === undefined) {
      return undefined;
    }
    const entry = parseEntry(text);
    if (!entry) {
      return values;
    }
    values[entry[0]] = entry[1];
  }
}

/** Protected settings: the key in the clear, the value masked, until an empty key. */
async function askProtectedEntries(prompter: Prompter, title: string, position: StepPosition): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = {};
  for (;;) {
    const key = await prompter.input({
      title,
      ...position,
      prompt: vscode.l10n.t('Protected setting key; leave empty to finish. So far: {0}', Object.keys(values).join(', ') || vscode.l10n.t('none')),
    });
    if (key === undefined) {
      return undefined;
    }
    if (key.trim() === '') {
      return values;
    }
    const value = await prompter.input({ title, ...position, prompt: vscode.l10n.t('Value of {0} (hidden)', key.trim()), password: true });
    if (value === undefined) {
      return undefined;
    }
    values[key.trim()] = value;
  }
}

/** What askSettings asks about. */
export interface SettingsQuestion {
  /** The flow's title, e.g. "Create an extension on aks-1". */
  readonly title: string;
  readonly isProtected: boolean;
  /** Offers "None" (default true): a flow that must send protected settings leaves it out. */
  readonly allowNone?: boolean;
  /** Offers writing the settings in an editor with the language server's help; never given for protected settings. */
  readonly editInDocument?: () => Promise<Record<string, string> | undefined>;
}

/** Asks where settings come from and reads the entries, the edited document or the file's path; undefined when cancelled. */
export async function askSettings(prompter: Prompter, question: SettingsQuestion, position: StepPosition): Promise<SettingsAnswer | undefined> {
  const { title, isProtected, allowNone = true, editInDocument } = question;
  const source = await prompter.pick<SettingsAnswer['kind'] | 'document'>(
    [
      ...(allowNone ? [{ label: vscode.l10n.t('None'), value: 'none' as const }] : []),
      ...(editInDocument ? [{ label: vscode.l10n.t('Write them in an editor'), description: vscode.l10n.t('with completion and checks for the type'), value: 'document' as const }] : []),
      {
        label: isProtected ? vscode.l10n.t('Enter key=value entries (values hidden)') : vscode.l10n.t('Enter key=value entries'),
        value: 'entries',
      },
      {
        label: isProtected ? vscode.l10n.t('From a protected settings file…') : vscode.l10n.t('From a settings file…'),
        detail: vscode.l10n.t('A JSON object of strings, as az k8s-extension --configuration{0}-settings-file takes it', isProtected ? '-protected' : ''),
        value: 'file',
      },
    ],
    { title, placeHolder: isProtected ? vscode.l10n.t('Protected settings (values are never shown or logged)') : vscode.l10n.t('Configuration settings'), ...position },
  );
  switch (source) {
    case undefined:
      return undefined;
    case 'none':
      return { kind: 'none' };
    case 'document': {
      const values = await editInDocument?.();
      return values && { kind: 'entries', values };
    }
    case 'entries': {
      const values = isProtected ? await askProtectedEntries(prompter, title, position) : await askPlainEntries(prompter, title, position);
      return values && { kind: 'entries', values };
    }
    case 'file': {
      const path = await prompter.pickFile({ title: isProtected ? vscode.l10n.t('Protected settings file') : vscode.l10n.t('Settings file'), filters: { JSON: ['json'] } });
      return path === undefined ? undefined : { kind: 'file', path };
    }
  }
}
