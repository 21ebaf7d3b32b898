import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { associationScopes } from '../../client/settingsFileAssociations';
import { companionCandidates, resolveBinding } from '../../shared';
import { clusterNode } from '../../tree/treeNodes';
import { resolveClusterNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { ensureClusterReady } from './clusterChecks';
import { clusterTarget } from './createTarget';
import { askCreateRequest, type CreatePreset } from './createWizard';
import { sendCreate } from './sendCreate';

/** The settings file the command runs on: the explorer's or editor's file, the active editor's, or one the user picks. */
async function settingsFile(arg: unknown, services: ExtensionServices): Promise<string> {
  if (arg instanceof vscode.Uri && arg.scheme === 'file') {
    return arg.fsPath;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && active.fsPath.toLowerCase().endsWith('.json')) {
    return active.fsPath;
  }
  const picked = await services.prompter.pickFile({ title: vscode.l10n.t('Settings file to create the extension from'), filters: { JSON: ['json'] } });
  if (!picked) {
    throw new vscode.CancellationError();
  }
  return picked;
}

/**
 * The type and settings a file fixes, bound as the editor binds it (aksClusterExtensions.settingsFiles, then its name
 * `<base>.<type>.settings.json`): the file as settings or protected settings, and its companion file (same base
 * name) as the other half when it exists. A file bound as protected is never sent as readable settings.
 */
export function presetFromFile(file: string): CreatePreset {
  const binding = resolveBinding(file, associationScopes());
  const isProtected = binding?.isProtected ?? false;
  const companion = companionCandidates(file, isProtected).find((candidate) => fs.existsSync(candidate));
  const own = { kind: 'file', path: file } as const;
  const other = companion ? ({ kind: 'file', path: companion } as const) : undefined;
  return {
    extensionType: binding?.extensionType,
    settings: isProtected ? other : own,
    protectedSettings: isProtected ? own : other,
  };
}

/** Create from Settings File…: the wizard with the file's type and settings filled in, then the usual checks. */
export function registerCreateFromSettingsFile(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.createFromSettingsFile', 'Create extension from settings file', async (arg?: unknown) => {
    const file = await settingsFile(arg, services);
    const node = await resolveClusterNode(undefined, services);
    const cluster = await ensureClusterReady(services, node.cluster);
    const req = await askCreateRequest(services, clusterTarget(cluster), presetFromFile(file));
    return req ? sendCreate(services, clusterNode(node.parent, cluster), req) : undefined;
  });
}
