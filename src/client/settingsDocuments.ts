import * as vscode from 'vscode';
import { resolveBinding } from '../shared/settingsFileBinding';
import { associationScopes } from './settingsFileAssociations';

/**
 * Which JSON documents are settings files: the language server attaches to these and no other. Settings files stay
 * JSON (their language, formatter, outline and `json.schemas` keep working); what makes one is its name
 * (`<base>.<alias>.settings.json`), an `aksClusterExtensions.settingsFiles` glob, or an explicit choice (the type
 * picker, or a flow's untitled settings document).
 */
export class SettingsDocuments implements vscode.Disposable {
  private readonly explicit = new Set<string>();
  /** Answers by URI, forgotten when the settingsFiles setting changes: checked on every keystroke's sync. */
  private readonly known = new Map<string, boolean>();
  private readonly listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('aksClusterExtensions.settingsFiles')) this.known.clear();
  });

  /** Marks a document as a settings file from now on, whatever its name. */
  add(uri: vscode.Uri): void {
    this.explicit.add(uri.toString());
    this.known.set(uri.toString(), true);
  }

  includes(document: Pick<vscode.TextDocument, 'uri' | 'languageId'>): boolean {
    if (document.languageId !== 'json') return false;
    const key = document.uri.toString();
    let answer = this.known.get(key);
    if (answer === undefined) {
      answer = this.explicit.has(key) || (document.uri.scheme === 'file' && resolveBinding(document.uri.fsPath, associationScopes())?.extensionType !== undefined);
      this.known.set(key, answer);
    }
    return answer;
  }

  dispose(): void {
    this.listener.dispose();
  }
}
