import * as vscode from 'vscode';
import { createCommandLine, deleteCommandLine, showCommandLine, updateCommandLine } from '../../lifecycle/azCommandLine';
import { requestFromExtension } from '../../lifecycle/extensionBody';
import { resolveExtensionNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Copy as az Command…: the `az k8s-extension` line of any action on the extension, protected values as placeholders. */
export function registerCopyAsAzCommand(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.copyAsAzCommand', 'Copy as az command', async (arg?: unknown) => {
    const node = await resolveExtensionNode(arg, services);
    const cluster = node.parent.cluster;
    const extension = node.extension;
    const name = extension.name ?? '';
    const req = requestFromExtension(extension);
    const line = await services.prompter.pick(
      [
        { label: vscode.l10n.t('Show'), value: showCommandLine(cluster, name) },
        { label: vscode.l10n.t('Create (as it is now)'), detail: vscode.l10n.t('protected settings are not returned by Azure'), value: createCommandLine(cluster, req) },
        {
          label: vscode.l10n.t('Update (its versioning and settings)'),
          value: updateCommandLine(cluster, name, {
            autoUpgradeMinorVersion: req.autoUpgradeMinorVersion,
            version: req.version,
            releaseTrain: req.releaseTrain,
            settings: req.configurationSettings,
          }),
        },
        { label: vscode.l10n.t('Delete'), value: deleteCommandLine(cluster, name, false) },
        { label: vscode.l10n.t('Force delete'), value: deleteCommandLine(cluster, name, true) },
      ].map((item) => ({ ...item, description: item.value })),
      { title: vscode.l10n.t('Copy the az command for {0}', name) },
    );
    if (!line) {
      return undefined;
    }
    await vscode.env.clipboard.writeText(line);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied: {0}', line), 3000);
    return line;
  });
}
