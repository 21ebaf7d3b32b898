import { isRestError } from '@azure/core-rest-pipeline';
import type { AzureAccess } from '../azure/azureAccess';
import { describeAzureError } from '../azure/azureErrorMessage';
import type { ClusterModel } from '../azure/clusterModel';
import { beginCreateExtension, beginDeleteExtension, beginUpdateExtension } from '../azure/extensionOperations';
import type { Extension, PatchExtension } from '../azure/extensionModel';
import { deployBlocker } from '../lifecycle/deployPlan';
import { toExtensionBody } from '../lifecycle/extensionBody';
import type { ExtensionRequest } from '../shared';
import type { ArmPacer } from './armPacer';

/** What every step of a rollout works with: Azure, and the pacing that keeps it within Azure's budgets. */
export interface StepContext {
  readonly access: AzureAccess;
  readonly pacer: ArmPacer;
}

/**
 * How often the rollout sends a request again that failed after the SDK's own retries with a 429 (then after the
 * shared pause), a 5xx or no answer at all: a cluster is reported failed or not checked only when Azure keeps failing.
 */
const TRANSIENT_ATTEMPTS = 3;

function isTransient(err: unknown): boolean {
  return isRestError(err) && (err.statusCode === undefined || err.statusCode === 429 || err.statusCode >= 500);
}

/**
 * Runs a request; one that failed for a transient reason is sent again (a 429 waits for the pacer, which holds it until
 * Azure's pause ends). Resending a create is safe: once Azure has taken the first, the second meets a conflict, and the
 * engine then reads what Azure has.
 */
async function transientTolerant<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (!isTransient(err) || attempt >= TRANSIENT_ATTEMPTS) {
        throw err;
      }
    }
  }
}

/** An Azure error in one line, as the summary shows it. */
export function oneLine(err: unknown, action: string): string {
  return describeAzureError(err, action).message.replace(/\s*\r?\n\s*/g, ' ');
}

/**
 * The extensions of a cluster, read within the read budget (ahead of polls: a write waits for it). One read is taken
 * for the list: a cluster has far fewer extensions than a page holds, and a rare second page goes unpaced.
 */
export function readExtensions(ctx: StepContext, cluster: ClusterModel, signal: AbortSignal): Promise<Extension[]> {
  return transientTolerant(async () => {
    await ctx.pacer.take(cluster.subscriptionId, 'reads', signal, true);
    return ctx.access.clientsFor(cluster.subscriptionId).kubernetesConfiguration.listExtensions(cluster);
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
  await transientTolerant(async () => {
    await ctx.pacer.take(cluster.subscriptionId, 'writes', signal);
    // Resolves once Azure accepted it; the engine, not the poller, reads the operation's end within the read budget.
    await beginCreateExtension(ctx.access, cluster, req.name, toExtensionBody(req));
  });
}

/** Sends the update (PATCH) within the write budget; resolves once Azure accepted it. */
export async function submitUpdate(ctx: StepContext, cluster: ClusterModel, name: string, patch: PatchExtension, signal: AbortSignal): Promise<void> {
  await transientTolerant(async () => {
    await ctx.pacer.take(cluster.subscriptionId, 'writes', signal);
    await beginUpdateExtension(ctx.access, cluster, name, patch);
  });
}

/** Sends the delete within the write budget; resolves once Azure accepted it. */
export async function submitDelete(ctx: StepContext, cluster: ClusterModel, name: string, signal: AbortSignal): Promise<void> {
  await transientTolerant(async () => {
    await ctx.pacer.take(cluster.subscriptionId, 'writes', signal);
    await beginDeleteExtension(ctx.access, cluster, name, false);
  });
}

/**
 * The extension as Azure has it now (undefined when absent), read within the read budget; `first` when it is the check
 * right before a write (it goes ahead of the polls).
 */
export function readExtension(ctx: StepContext, cluster: ClusterModel, name: string, signal?: AbortSignal, first = false): Promise<Extension | undefined> {
  return transientTolerant(async () => {
    await ctx.pacer.take(cluster.subscriptionId, 'reads', signal, first);
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
