import type { Connection } from 'vscode-languageserver/node';
import { configurationSection } from '../shared/protocol';
import { resolveBinding, type AssociationScope, type SettingsFileAssociations, type SettingsFileBinding } from '../shared/settingsFileBinding';
import { uriToPath } from './documentPaths';

/** Which extension type each document is for: explicit choices, the settingsFiles setting, file names. */
export class SettingsFileBindings {
  private readonly explicit = new Map<string, SettingsFileBinding>();
  private scopes: AssociationScope[] = [];
  private folders: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly canReadConfiguration: boolean,
  ) {}

  setWorkspaceFolders(folderUris: readonly string[]): void {
    this.folders = [...folderUris];
  }

  bindExplicitly(uri: string, extensionType: string, isProtected: boolean, existing?: boolean): void {
    this.explicit.set(uri, { extensionType, isProtected, source: 'explicit', ...(existing ? { existing } : {}) });
  }

  forget(uri: string): void {
    this.explicit.delete(uri);
  }

  /** Reads `aksClusterExtensions.settingsFiles` of every workspace folder again. */
  async reloadConfiguration(): Promise<void> {
    if (!this.canReadConfiguration) return;
    const requests = this.folders.map((folder) => ({ scopeUri: folder, section: `${configurationSection}.settingsFiles` }));
    const values: unknown[] = requests.length > 0
      ? await this.connection.workspace.getConfiguration(requests)
      : [await this.connection.workspace.getConfiguration(`${configurationSection}.settingsFiles`)];
    this.scopes = values.map((value, i) => ({
      folder: this.folders[i] ? uriToPath(this.folders[i]) : '/',
      associations: isAssociations(value) ? value : {},
    }));
  }

  bindingFor(uri: string): SettingsFileBinding | undefined {
    return resolveBinding(uriToPath(uri), this.scopes, this.explicit.get(uri));
  }
}

function isAssociations(value: unknown): value is SettingsFileAssociations {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
