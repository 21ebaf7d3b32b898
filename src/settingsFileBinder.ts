import type * as vscode from 'vscode';

/** Binds a file to an extension type, as the type picker does; `existing` when it holds an existing extension's settings. */
export type SettingsFileBinder = (uri: vscode.Uri, extensionType: string, isProtected: boolean, existing?: boolean) => Promise<void>;

// The bindings belong to the language client, which lives in the entry's bundle; the Azure part is another bundle
// (src/activation/README.md) and gets the client's binder when it loads.
let binder: SettingsFileBinder | undefined;

export function useSettingsFileBinder(use: SettingsFileBinder): void {
  binder = use;
}

/** Binds a flow's settings document to its type, so the language server checks it as that type. */
export function bindSettingsFile(uri: vscode.Uri, extensionType: string, isProtected: boolean, existing?: boolean): Promise<void> {
  if (!binder) {
    throw new Error('The Azure part was loaded without the language client\'s binder.');
  }
  return binder(uri, extensionType, isProtected, existing);
}
