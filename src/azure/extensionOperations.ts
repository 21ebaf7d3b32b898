import { isRestError } from '@azure/core-rest-pipeline';
import type { AzureAccess } from './azureAccess';
import type { ClusterModel } from './clusterModel';
import type { Extension, PatchExtension } from './extensionModel';
import type { ExtensionOperation, OperationOptions } from './kubernetesConfigurationClient';

export type { ExtensionOperation, OperationOptions } from './kubernetesConfigurationClient';

function clientOf(access: AzureAccess, cluster: ClusterModel) {
  return access.clientsFor(cluster.subscriptionId).kubernetesConfiguration;
}

/** PUT: resolves once Azure accepted the creation (the resource then reads Creating). */
export function beginCreateExtension(
  access: AzureAccess,
  cluster: ClusterModel,
  name: string,
  extension: Extension,
  options: OperationOptions = {},
): Promise<ExtensionOperation<Extension>> {
  return clientOf(access, cluster).beginCreate(cluster, name, extension, options);
}

/** PATCH: only what the patch holds changes; protected settings, when present, replace all the stored ones. */
export function beginUpdateExtension(
  access: AzureAccess,
  cluster: ClusterModel,
  name: string,
  patch: PatchExtension,
  options: OperationOptions = {},
): Promise<ExtensionOperation<Extension>> {
  return clientOf(access, cluster).beginUpdate(cluster, name, patch, options);
}

/** DELETE; `forceDelete` removes the Azure resource without waiting for the cluster agent. */
export function beginDeleteExtension(
  access: AzureAccess,
  cluster: ClusterModel,
  name: string,
  forceDelete: boolean,
  options: OperationOptions = {},
): Promise<ExtensionOperation<void>> {
  return clientOf(access, cluster).beginDelete(cluster, name, forceDelete, options);
}

/** The extension as Azure has it now, or undefined when it does not exist. */
export async function findExtension(access: AzureAccess, cluster: ClusterModel, name: string): Promise<Extension | undefined> {
  try {
    return await access.getExtension(cluster, name);
  } catch (err) {
    if (isRestError(err) && err.statusCode === 404) {
      return undefined;
    }
    throw err;
  }
}
