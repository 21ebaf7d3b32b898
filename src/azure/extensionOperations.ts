import type { Extension, PatchExtension } from '@azure/arm-kubernetesconfiguration';
import { isRestError } from '@azure/core-rest-pipeline';
import { AKS_CLUSTER_RESOURCE, AKS_CLUSTER_RP, type AzureAccess } from './azureAccess';
import type { ClusterModel } from './clusterModel';

/**
 * A long-running operation Azure accepted. Waiting can stop (abort the signal) without stopping the operation:
 * Azure carries on and the tree keeps tracking the resource's state.
 */
export interface ExtensionOperation<T> {
  pollUntilDone(options?: { abortSignal?: AbortSignal }): Promise<T>;
  isDone(): boolean;
}

/** How often the SDK polls the operation status when Azure sends no Retry-After; undefined keeps the SDK default. */
export interface OperationOptions {
  readonly updateIntervalInMs?: number;
}

function extensionsOf(access: AzureAccess, cluster: ClusterModel) {
  return access.clientsFor(cluster.subscriptionId).kubernetesConfiguration.extensions;
}

/** PUT: resolves once Azure accepted the creation (the resource then reads Creating). */
export function beginCreateExtension(
  access: AzureAccess,
  cluster: ClusterModel,
  name: string,
  extension: Extension,
  options: OperationOptions = {},
): Promise<ExtensionOperation<Extension>> {
  return extensionsOf(access, cluster).beginCreate(cluster.resourceGroup, AKS_CLUSTER_RP, AKS_CLUSTER_RESOURCE, cluster.name, name, extension, options);
}

/**
 * PUT, and nothing more: resolves once Azure accepted the creation (2xx). The SDK's long-running-operation helper reads
 * the operation's status right after accepting it; a rollout watches hundreds of operations within the read budget
 * and reads each when it is likely done, so that first read is skipped: the signal is aborted as soon as the PUT's
 * answer arrives, which only the SDK's follow-up request sees.
 */
export async function submitCreateExtension(access: AzureAccess, cluster: ClusterModel, name: string, extension: Extension): Promise<void> {
  const afterAnswer = new AbortController();
  let accepted = false;
  try {
    await extensionsOf(access, cluster).beginCreate(cluster.resourceGroup, AKS_CLUSTER_RP, AKS_CLUSTER_RESOURCE, cluster.name, name, extension, {
      abortSignal: afterAnswer.signal,
      onResponse: (response) => {
        accepted = response.status >= 200 && response.status < 300;
        afterAnswer.abort();
      },
    });
  } catch (err) {
    if (!accepted) {
      throw err;
    }
  }
}

/** PATCH: only what the patch holds changes; protected settings, when present, replace all the stored ones. */
export function beginUpdateExtension(
  access: AzureAccess,
  cluster: ClusterModel,
  name: string,
  patch: PatchExtension,
  options: OperationOptions = {},
): Promise<ExtensionOperation<Extension>> {
  return extensionsOf(access, cluster).beginUpdate(cluster.resourceGroup, AKS_CLUSTER_RP, AKS_CLUSTER_RESOURCE, cluster.name, name, patch, options);
}

/** DELETE; `forceDelete` removes the Azure resource without waiting for the cluster agent. */
export function beginDeleteExtension(
  access: AzureAccess,
  cluster: ClusterModel,
  name: string,
  forceDelete: boolean,
  options: OperationOptions = {},
): Promise<ExtensionOperation<void>> {
  return extensionsOf(access, cluster).beginDelete(cluster.resourceGroup, AKS_CLUSTER_RP, AKS_CLUSTER_RESOURCE, cluster.name, name, {
    ...options,
    forceDelete: forceDelete || undefined,
  });
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
