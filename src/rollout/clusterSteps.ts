import { type Extension, getContinuationToken } from '@azure/arm-kubernetesconfiguration';
import { isRestError } from '@azure/core-rest-pipeline';
import { AKS_CLUSTER_RESOURCE, AKS_CLUSTER_RP, type AzureAccess } from '../azure/azureAccess';
import { describeAzureError } from '../azure/azureErrorMessage';
import type { ClusterModel } from '../azure/clusterModel';
import { submitCreateExtension } from '../azure/extensionOperations';
import { deployBlocker } from '../lifecycle/deployPlan';
import { toExtensionBody } from '../lifecycle/extensionBody';
import type { ExtensionRequest } from '../shared';
import type { ArmPacer } from './armPacer';

/** What every step of a rollout works with: Azure, and the pacing that keeps it within Azure's budgets. */
export interface StepContext {
  readonly access: AzureAccess;
  readonly pacer: ArmPacer;
}

/** How often a request refused with 429 (after the SDK's own retries) is sent again, each time after the shared pause. */
const THROTTLED_ATTEMPTS = 5;

function isThrottled(err: unknown): boolean {
  return isRestError(err) && err.statusCode === 429;
}

/** Runs a request; a 429 that outlasted the SDK's retries is tried again (the pacer holds it until Azure's pause ends). */
async function throttleTolerant<T>(send: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(attempt);
    } catch (err) {
      if (!isThrottled(err) || attempt >= THROTTLED_ATTEMPTS) {
        throw err;
      }
    }
  }
}

/** An Azure error in one line, as the summary shows it. */
export function oneLine(err: unknown, action: string): string {
  return describeAzureError(err, action).message.replace(/\s*\r?\n\s*/g, ' ');
}

/** The extensions of a cluster, every page read within the read budget (ahead of polls: a write waits for it). */
export function readExtensions(ctx: StepContext, cluster: ClusterModel, signal: AbortSignal): Promise<Extension[]> {
  return throttleTolerant(async () => {
    const client = ctx.access.clientsFor(cluster.subscriptionId).kubernetesConfiguration;
    const pages = client.extensions.list(cluster.resourceGroup, AKS_CLUSTER_RP, AKS_CLUSTER_RESOURCE, cluster.name).byPage();
    const extensions: Extension[] = [];
    for (;;) {
      await ctx.pacer.take(cluster.subscriptionId, 'reads', signal, true);
      const page = await pages.next();
      extensions.push(...(page.value ?? []));
      // Without a continuation the iterator would end without a request: no read to take for it.
      if (page.done || getContinuationToken(page.value) === undefined) {
        return extensions;
      }
    }
  });
}

/**
 * Why the extension must not be created on this cluster now, or undefined when it may. A failed extension of the same
 * name and type is replaced only when the rollout itself left it failed (Retry the Failed Ones).
 */
export function createBlocker(cluster: ClusterModel, existing: readonly Extension[], req: ExtensionRequest, replaceFailed: boolean): string | undefined {
  const ours = existing.find((e) => e.name?.toLowerCase() === req.name.toLowerCase());
  const replaceable =
    replaceFailed && ours?.provisioningState?.toLowerCase() === 'failed' && ours.extensionType?.toLowerCase() === req.extensionType.toLowerCase();
  return deployBlocker(cluster, replaceable ? existing.filter((e) => e !== ours) : existing, req.name, req.extensionType);
}

/** Sends the create (PUT) within the write budget; resolves once Azure accepted it. */
export async function submitCreate(ctx: StepContext, cluster: ClusterModel, req: ExtensionRequest, signal: AbortSignal): Promise<void> {
  await throttleTolerant(async () => {
    await ctx.pacer.take(cluster.subscriptionId, 'writes', signal);
    await submitCreateExtension(ctx.access, cluster, req.name, toExtensionBody(req));
  });
}

/** The extension as Azure has it now (undefined when absent), read within the read budget. */
export function readExtension(ctx: StepContext, cluster: ClusterModel, name: string, signal?: AbortSignal): Promise<Extension | undefined> {
  return throttleTolerant(async () => {
    await ctx.pacer.take(cluster.subscriptionId, 'reads', signal);
    try {
      return await ctx.access.getExtension(cluster, name);
    } catch (err) {
      if (isRestError(err) && err.statusCode === 404) {
        return undefined;
      }
      throw err;
    }
  });
}

/** Azure's reason for a Failed extension in one line: errorInfo, else the first error status. */
export function failureReason(extension: Extension): string {
  const status = extension.statuses?.find((s) => s.level?.toLowerCase() === 'error');
  const text = extension.errorInfo
    ? `${extension.errorInfo.code ?? ''}: ${extension.errorInfo.message ?? ''}`
    : status
      ? `${status.code ?? ''}: ${status.message ?? status.displayStatus ?? ''}`
      : 'Azure reports the extension Failed without a reason.';
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}
