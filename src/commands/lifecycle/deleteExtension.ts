import * as vscode from 'vscode';
import { beginDeleteExtension, findExtension } from '../../azure/extensionOperations';
import type { ExtensionNode } from '../../tree/treeNodes';
import { resolveExtensionNode } from '../nodePickers';
import { deleteFleetExtensions } from '../fleet/deleteFleetExtensions';
import { selectedTreeInstances } from '../fleet/fleetRollout';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { ensureUserMayWrite, idleExtension } from './clusterChecks';
import { pollOptions, type TrackedOutcome, trackOperation } from './trackOperation';

/** Asks (modal, naming extension and cluster) and deletes; a force delete does not wait for the cluster agent. */
async function deleteExtension(services: ExtensionServices, node: ExtensionNode, force: boolean): Promise<TrackedOutcome | undefined> {
  const cluster = node.parent.cluster;
  const name = node.extension.name ?? '';
  if (force) {
    // Force delete is the way out of a stuck Creating or Deleting, so only a missing resource stops it.
    const current = await findExtension(services.access, cluster, name);
    if (!current) {
      throw new vscode.CancellationError();
    }
    ensureUserMayWrite(current, cluster);
  } else {
    await idleExtension(services, cluster, name);
  }
  const confirmed = await services.prompter.confirm(
    force ? vscode.l10n.t('Force delete {0} from {1}?', name, cluster.name) : vscode.l10n.t('Delete {0} from {1}?', name, cluster.name),
    force
      ? vscode.l10n.t(
          'Force delete removes the Azure resource at once without waiting for the cluster agent. Use it when the agent cannot be reached (the extension is stuck). The Helm release and its resources may stay on the cluster until you remove them (helm uninstall).',
        )
      : vscode.l10n.t(
          'The Azure resource is deleted at once. The cluster agent removes the Helm release later, when it can reach Azure. If the agent cannot be reached, use Force Delete.',
        ),
    force ? vscode.l10n.t('Force Delete') : vscode.l10n.t('Delete'),
  );
  if (!confirmed) {
    return undefined;
  }
  const operation = await beginDeleteExtension(services.access, cluster, name, force, pollOptions());
  const action = force ? vscode.l10n.t('Force delete {0} on {1}', name, cluster.name) : vscode.l10n.t('Delete {0} on {1}', name, cluster.name);
  return trackOperation(services, {
    clusterNode: node.parent,
    extensionName: name,
    action,
    progressTitle: vscode.l10n.t('Deleting {0} from {1}', name, cluster.name),
    successMessage: vscode.l10n.t('{0} was deleted from {1}. The cluster agent removes its Helm release when it next reaches Azure.', name, cluster.name),
    operation,
  });
}

/** Delete… and Force Delete… on an extension (or one picked from the palette); Delete… on several selected rows is one rollout, as in the fleet view. */
export function registerDeleteExtension(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.deleteExtension', 'Delete extension', async (arg?: unknown, selection?: unknown) => {
    const several = selectedTreeInstances(arg, selection);
    return several ? deleteFleetExtensions(services, several) : deleteExtension(services, await resolveExtensionNode(arg, services), false);
  });
  registerCommand(context, services, 'aksClusterExtensions.forceDeleteExtension', 'Force delete extension', async (arg?: unknown) =>
    deleteExtension(services, await resolveExtensionNode(arg, services), true),
  );
}
