import type { Extension } from '../../azure/extensionModel';
import * as vscode from 'vscode';
import { clusterBlocker, type ClusterModel, toClusterModel } from '../../azure/clusterModel';
import { findExtension } from '../../azure/extensionOperations';
import { isRunningState } from '../../tree/extensionState';
import { UserFacingError } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** The cluster as Azure has it now (the tree's copy may be minutes old). */
export async function freshCluster(services: ExtensionServices, cluster: ClusterModel): Promise<ClusterModel> {
  const client = services.access.clientsFor(cluster.subscriptionId).containerService;
  return toClusterModel(await client.managedClusters.get(cluster.resourceGroup, cluster.name));
}

/**
 * Checks, before any question is asked, that the cluster can take extensions; a service-principal or stopped cluster
 * gets the reason and its fix (copyable) instead of a late Azure error. Resolves to the fresh cluster.
 */
export async function ensureClusterReady(services: ExtensionServices, cluster: ClusterModel): Promise<ClusterModel> {
  const fresh = await freshCluster(services, cluster);
  const blocker = clusterBlocker(fresh);
  if (!blocker) {
    return fresh;
  }
  const copy = vscode.l10n.t('Copy Fix Command');
  const choice = await services.prompter.notify('error', `${blocker.reason} ${blocker.fix}`, ...(blocker.fixCommand ? [copy] : []));
  if (choice === copy && blocker.fixCommand) {
    await vscode.env.clipboard.writeText(blocker.fixCommand);
  }
  throw new vscode.CancellationError();
}

/** Refuses before sending when an operation already runs on the extension: Azure would answer 409 only after the fact. */
export function ensureNoRunningOperation(extension: Extension, cluster: ClusterModel): void {
  if (isRunningState(extension.provisioningState)) {
    throw new UserFacingError(
      vscode.l10n.t(
        '{0} on {1} is {2}: an operation is already running on it. Wait until the tree shows it finished, then retry.',
        extension.name ?? '',
        cluster.name,
        extension.provisioningState ?? '',
      ),
    );
  }
}

/** The current state of an extension that must exist and be idle: the check every update and delete makes first. */
export async function idleExtension(services: ExtensionServices, cluster: ClusterModel, name: string): Promise<Extension> {
  const extension = await findExtension(services.access, cluster, name);
  if (!extension) {
    throw new UserFacingError(vscode.l10n.t('{0} no longer exists on {1}. Refresh the view.', name, cluster.name));
  }
  ensureNoRunningOperation(extension, cluster);
  return extension;
}
