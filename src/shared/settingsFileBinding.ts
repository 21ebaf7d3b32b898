import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { findExtensionType } from './catalog';

/**
 * How a file is bound to an extension type. The file stays plain JSON, usable as-is with
 * `az k8s-extension --configuration-settings-file`: the binding comes from its name, from the
 * `aksClusterExtensions.settingsFiles` setting, or from an explicit choice in the editor.
 */
export interface SettingsFileBinding {
  extensionType?: string;
  isProtected: boolean;
  source: 'explicit' | 'setting' | 'convention';
  /** Bound by an update flow: the document holds the settings of an extension that exists. */
  existing?: boolean;
}

/** The `aksClusterExtensions.settingsFiles` setting: glob (relative to its folder) → type. */
export type SettingsFileAssociations = Record<string, string | { extensionType: string; protected?: boolean }>;

/** Associations together with the folder their globs are relative to. */
export interface AssociationScope {
  folder: string;
  associations: SettingsFileAssociations;
}

const settingsSuffix = '.settings.json';
const protectedSuffix = '.protected.json';

/**
 * The naming convention: `<base>.<type-alias>.settings.json` and `<base>.<type-alias>.protected.json`
 * (the alias may also be the full type, e.g. `prod.microsoft.dapr.settings.json`).
 */
export function bindingFromFileName(filePath: string): SettingsFileBinding | undefined {
  const name = path.basename(filePath).toLowerCase();
  const isProtected = name.endsWith(protectedSuffix);
  if (!isProtected && !name.endsWith(settingsSuffix)) return undefined;
  const stem = name.slice(0, -(isProtected ? protectedSuffix : settingsSuffix).length);
  const segments = stem.split('.');
  for (let i = 0; i < segments.length; i++) {
    const info = findExtensionType(segments.slice(i).join('.'));
    if (info) return { extensionType: info.type, isProtected, source: 'convention' };
  }
  return { isProtected, source: 'convention' };
}

function isProtectedByName(filePath: string): boolean {
  return path.basename(filePath).toLowerCase().endsWith(protectedSuffix);
}

/** The binding from the first glob that matches the file, if any. */
export function bindingFromAssociations(filePath: string, scopes: readonly AssociationScope[]): SettingsFileBinding | undefined {
  for (const scope of scopes) {
    const relative = path.relative(scope.folder, filePath).split(path.sep).join('/');
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    for (const [glob, target] of Object.entries(scope.associations)) {
      const pattern = glob.replace(/^\.?\//, '');
      if (!minimatch(relative, pattern, { dot: true, matchBase: !pattern.includes('/') })) continue;
      return typeof target === 'string'
        ? { extensionType: target, isProtected: isProtectedByName(filePath), source: 'setting' }
        : { extensionType: target.extensionType, isProtected: target.protected ?? isProtectedByName(filePath), source: 'setting' };
    }
  }
  return undefined;
}

/** Explicit choice first, then the setting, then the naming convention. */
export function resolveBinding(filePath: string, scopes: readonly AssociationScope[], explicit?: SettingsFileBinding): SettingsFileBinding | undefined {
  return explicit ?? bindingFromAssociations(filePath, scopes) ?? bindingFromFileName(filePath);
}

/** Paths where the companion of a file may be, most likely first ("same base name"). */
export function companionCandidates(filePath: string, isProtected: boolean): string[] {
  const dir = path.dirname(filePath);
  const name = path.basename(filePath);
  const lower = name.toLowerCase();
  if (isProtected) {
    if (!lower.endsWith(protectedSuffix)) return [];
    const stem = name.slice(0, -protectedSuffix.length);
    return [path.join(dir, stem + settingsSuffix), path.join(dir, stem + '.json')];
  }
  const stem = lower.endsWith(settingsSuffix) ? name.slice(0, -settingsSuffix.length) : lower.endsWith('.json') ? name.slice(0, -'.json'.length) : name;
  return [path.join(dir, stem + protectedSuffix)];
}
