import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import type { AssociationScope, SettingsFileAssociations } from '../shared/settingsFileBinding';

/**
 * The `aksClusterExtensions.settingsFiles` globs of the nearest `.vscode/settings.json` above a
 * file, so the CLI binds files exactly as the editor does in that workspace.
 */
export function workspaceAssociations(filePath: string): AssociationScope[] {
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    const settingsPath = path.join(dir, '.vscode', 'settings.json');
    if (existsSync(settingsPath)) {
      const settings: unknown = parse(readFileSync(settingsPath, 'utf8'));
      const associations = (settings as Record<string, unknown> | undefined)?.['aksClusterExtensions.settingsFiles'];
      if (typeof associations === 'object' && associations !== null && !Array.isArray(associations)) {
        return [{ folder: dir, associations: associations as SettingsFileAssociations }];
      }
      return [];
    }
    const parent = path.dirname(dir);
    if (parent === dir) return [];
    dir = parent;
  }
}
