import * as vscode from 'vscode';
import { bindSettingsFile } from '../../settingsFileBinder';
import { validateSettingsDocument } from '../../shared';
import { readSettingsText } from '../../shared/settingsText';
import type { Prompter } from '../../ui/prompter';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

export interface SettingsDocumentEdit {
  readonly extensionType: string;
  /** What the document starts with. */
  readonly settings: Readonly<Record<string, string>>;
  /**
   * The hint shown while the user edits; a toast without buttons shows one line of about 60 characters, so the first
   * sentence says how to finish.
   */
  readonly hint: string;
  /** The settings of an extension that exists (an update): create-only findings are left out, fixed keys noted. */
  readonly existing?: boolean;
}

const USE_COMMAND = 'aksClusterExtensions.useSettingsDocument';
/** The file names (untitled documents have unique ones) of the settings documents flows wait on, for menus and keys. */
const CONTEXT_KEY = 'aksClusterExtensions.settingsDocuments';

/** A settings document a flow waits on: whether Use These Settings was chosen, and how to wake the flow. */
interface Waiting {
  readonly document: vscode.TextDocument;
  used: boolean;
  wake?: () => void;
}

/** By document URI. */
const waiting = new Map<string, Waiting>();

function updateContext(): void {
  const names = [...waiting.values()].map((w) => w.document.uri.path.split('/').pop() ?? '');
  void vscode.commands.executeCommand('setContext', CONTEXT_KEY, names);
}

/** Resolves 'use' once the user chose Use These Settings (also before this was called), 'closed' when the document closes. */
function nextChoice(entry: Waiting): Promise<'use' | 'closed'> {
  return new Promise((resolve) => {
    const settle = (choice: 'use' | 'closed'): void => {
      closed.dispose();
      entry.used = false;
      entry.wake = undefined;
      resolve(choice);
    };
    const closed = vscode.workspace.onDidCloseTextDocument((d) => {
      if (d === entry.document) {
        settle('closed');
      }
    });
    if (entry.used) {
      settle('use');
    } else {
      entry.wake = () => settle('use');
    }
  });
}

/**
 * Use These Settings: the editor-title button (and command, for a keybinding) that ends the edit of a settings
 * document. A notification button could time out into the notification centre while the user types; this one stays.
 */
export function registerUseSettingsDocument(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, USE_COMMAND, 'Use these settings', (arg?: unknown) => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const entry = waiting.get(uri?.toString() ?? '');
    if (entry) {
      entry.used = true;
      entry.wake?.();
    }
  });
}

/** A new document starts as an empty object with the cursor inside and the type's keys offered, so nothing is chosen for the user. */
async function showForEditing(document: vscode.TextDocument, empty: boolean): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  if (empty) {
    const inside = new vscode.Position(1, 2);
    editor.selection = new vscode.Selection(inside, inside);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
  }
}

/**
 * The rules' errors in the document, said when ✓ is chosen rather than steps later: a modal lists them and keeps the
 * document open unless the user goes on (the protected settings asked next may still settle a rule across both).
 */
async function goesOnDespiteErrors(prompter: Prompter, text: string, edit: SettingsDocumentEdit): Promise<boolean> {
  const errors = validateSettingsDocument(text, { extensionType: edit.extensionType, isProtected: false, draft: true, existing: edit.existing }).filter((d) => d.severity === 'error');
  return (
    errors.length === 0 ||
    prompter.confirm(
      errors.length === 1 ? vscode.l10n.t('The settings have 1 error') : vscode.l10n.t('The settings have {0} errors', errors.length),
      vscode.l10n.t('{0}\n\nFix them in the document, or go on: the review lists them again, and nothing with an error is sent.', errors.map((e) => e.message).join('\n')),
      vscode.l10n.t('Go On Anyway'),
    )
  );
}

/**
 * Configuration settings edited in an untitled document bound to the settings language server, so the user gets the
 * type's completion, hover and diagnostics while typing; the editor-title button ✓ Use These Settings hands them back,
 * and closing the document cancels. Only for plain settings: an untitled document is never saved by us, but VS Code
 * backs up its text to disk, so protected settings are never edited this way. Text that is not a JSON object keeps the
 * document open with the reason, so a typo costs no answers given before. Undefined when the document was closed.
 */
export async function editSettingsInDocument(prompter: Prompter, edit: SettingsDocumentEdit): Promise<Record<string, string> | undefined> {
  const empty = Object.keys(edit.settings).length === 0;
  const content = empty ? '{\n  \n}\n' : `${JSON.stringify(edit.settings, null, 2)}\n`;
  const document = await vscode.workspace.openTextDocument({ language: 'json', content });
  const entry: Waiting = { document, used: false };
  waiting.set(document.uri.toString(), entry);
  updateContext();
  try {
    await bindSettingsFile(document.uri, edit.extensionType, false, edit.existing);
    await showForEditing(document, empty);
    // A hint only: the button in the editor title ends the edit, so the notification may time out without harm.
    void prompter.notify('info', edit.hint);
    for (;;) {
      if ((await nextChoice(entry)) === 'closed') {
        return undefined;
      }
      const text = document.getText();
      const parsed = readSettingsText(text);
      if (parsed.rootKind === 'object' && parsed.syntaxErrors.length === 0) {
        if (await goesOnDespiteErrors(prompter, text, edit)) {
          return Object.fromEntries(parsed.entries.map((e) => [e.key, e.text]));
        }
        continue;
      }
      const fileErrors = validateSettingsDocument(text, { extensionType: edit.extensionType, isProtected: false }).filter((d) => d.severity === 'error');
      void prompter.notify('error', vscode.l10n.t('The settings are not a JSON object: {0} Fix them, then choose ✓ Use These Settings in the title bar.', fileErrors.map((d) => d.message).join(' ')));
    }
  } finally {
    waiting.delete(document.uri.toString());
    updateContext();
    if (!document.isClosed) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
}
