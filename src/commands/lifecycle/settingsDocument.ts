import * as vscode from 'vscode';
import { bindSettingsFile } from '../../client';
import { validateSettingsDocument } from '../../shared';
import { settingsLanguageId } from '../../shared/protocol';
import { readSettingsText } from '../../shared/settingsText';
import type { Prompter } from '../../ui/prompter';

export interface SettingsDocumentEdit {
  readonly extensionType: string;
  /** What the document starts with. */
  readonly settings: Readonly<Record<string, string>>;
  /** The message shown while the user edits; `{0}` is replaced with the button that ends the edit. */
  readonly message: (done: string) => string;
  /** The button that ends the edit, e.g. "Review Changes". */
  readonly done: string;
}

/**
 * Configuration settings edited in an untitled document bound to the settings language server, so the user gets the
 * type's completion, hover and diagnostics while typing. Only for plain settings: an untitled document is never saved
 * by us, but VS Code backs up its text to disk, so protected settings are never edited this way. Text that is not a
 * JSON object keeps the document open with the reason, so a typo costs no answers given before.
 * Undefined when the user did not choose `done`.
 */
export async function editSettingsInDocument(prompter: Prompter, edit: SettingsDocumentEdit): Promise<Record<string, string> | undefined> {
  const document = await vscode.workspace.openTextDocument({ language: settingsLanguageId, content: `${JSON.stringify(edit.settings, null, 2)}\n` });
  await bindSettingsFile(document.uri, edit.extensionType, false);
  await vscode.window.showTextDocument(document);
  let message = edit.message(edit.done);
  try {
    for (;;) {
      if ((await prompter.notify('info', message, edit.done)) !== edit.done) {
        return undefined;
      }
      const text = document.getText();
      const parsed = readSettingsText(text);
      if (parsed.rootKind === 'object' && parsed.syntaxErrors.length === 0) {
        return Object.fromEntries(parsed.entries.map((e) => [e.key, e.text]));
      }
      const fileErrors = validateSettingsDocument(text, { extensionType: edit.extensionType, isProtected: false }).filter((d) => d.severity === 'error');
      message = vscode.l10n.t('The settings are not a JSON object: {0} Fix them, then choose {1}.', fileErrors.map((d) => d.message).join(' '), edit.done);
    }
  } finally {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}
