import type { Extension } from '../../azure/extensionModel';
import * as vscode from 'vscode';
import { clusterBlocker, type ClusterModel, toClusterModel } from '../../azure/clusterModel';
import { checkInstallAgainstCatalog, type InstallIntent } from '../../azure/catalogChecks';
import { describeAzureError } from '../../azure/azureErrorMessage';
import { extensionManagement } from '../../azure/extensionManagement';
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

/**
 * Refuses before sending when Azure lets users only read the extension (managed by another service, API 2025-03-01
 * managementDetails): the write would come back as an error after a wait.
 */
export function ensureUserMayWrite(extension: Extension, cluster: ClusterModel): void {
  const management = extensionManagement(extension);
  if (management && !management.usersMayWrite) {
    throw new UserFacingError(
      vscode.l10n.t(
        '{0} on {1} is managed by {2}: Azure lets you only read it ({3}). Change it through {2} instead.',
        extension.name ?? '',
        cluster.name,
        management.manager,
        management.usersDescription ?? vscode.l10n.t('users may only read'),
      ),
    );
  }
}

/** The current state of an extension that must exist, be yours to change and be idle: the check every update and delete makes first. */
export async function idleExtension(services: ExtensionServices, cluster: ClusterModel, name: string): Promise<Extension> {
  const extension = await findExtension(services.access, cluster, name);
  if (!extension) {
    throw new UserFacingError(vscode.l10n.t('{0} no longer exists on {1}. Refresh the view.', name, cluster.name));
  }
  ensureUserMayWrite(extension, cluster);
  ensureNoRunningOperation(extension, cluster);
  return extension;
}

/** Why Azure's catalog says this install cannot work on the cluster (empty when it can, or when the catalog does not answer). */
export function catalogReasons(services: ExtensionServices, cluster: ClusterModel, intent: InstallIntent): Promise<string[]> {
  // The one-instance check must see the cluster's extensions as they are now, not as the tree last listed them.
  services.access.invalidate(cluster.id);
  return checkInstallAgainstCatalog(services.access, cluster, intent, (err) =>
    services.log.warn(`Extension-types catalog did not answer for ${cluster.name}; its checks were skipped (${describeAzureError(err, 'Reading the catalog').detail})`),
  );
}
