/*
 * What each kind of rollout does on one cluster, as the engine drives it: check the current state (a read that fails
 * means nothing is written), write, and judge what a later read shows. Create, update, recreate and delete differ only
 * here; pacing, waves, the failure threshold, cancel and resume are the engine's, the same for all.
 */
import type { ClusterModel } from '../azure/clusterModel';
import { failureDetails } from '../azure/extensionFailure';
import { isReadOnlyForUsers } from '../azure/extensionManagement';
import type { Extension } from '../azure/extensionModel';
import { isRunningState } from '../azure/provisioningState';
import { requestFromExtension } from '../lifecycle/extensionBody';
import { type ExtensionRequest, validateExtensionRequest } from '../shared';
import { sleepUnlessAborted } from './abortableSleep';
import { createBlocker, readExtension, readExtensions, type StepContext, submitCreate, submitDelete, submitUpdate } from './clusterSteps';
import { type RolloutRecord, type RolloutTarget, targetExtensionName } from './rolloutRecord';
import { updateBlocker, updateFor } from './updateAction';

/** What a read after the write means. */
export type Verdict = { readonly kind: 'running'; readonly state: string } | { readonly kind: 'succeeded' } | { readonly kind: 'failed'; readonly message: string };

/**
 * The outcome of the check: why nothing is written to this cluster, or the write to send. `sent` is called as soon as
 * Azure accepted a write (a recreate accepts two), so the stored progress knows something reached the cluster.
 */
export type Checked = { readonly skip: string } | { readonly write: (sent: () => void) => Promise<void> };

export interface ClusterAction {
  /** Reads the cluster's current state (rejects when it cannot be read: then nothing is written) and decides. */
  check(target: RolloutTarget, signal: AbortSignal): Promise<Checked>;
  /** Whether what Azure has now shows this rollout's write taken (running or ended): then it is watched, not sent again. */
  taken(current: Extension | undefined, target: RolloutTarget): boolean;
  judge(current: Extension | undefined, target: RolloutTarget): Verdict;
}

/** What the actions need of the run besides Azure: the request to send (protected values added) and how to wait. */
export interface ActionContext extends StepContext {
  readonly record: RolloutRecord;
  /** The request sent to the cluster, built on `base` (protected values and what az fills in per cluster added). */
  requestFor(base: ExtensionRequest, cluster: ClusterModel): ExtensionRequest;
  /** Clusters (ids, lower case) whose Failed extension left by this rollout may be replaced (Retry the Failed Ones). */
  readonly replaceFailed: ReadonlySet<string>;
  readonly pollIntervalMs: number;
  /** The user's Cancel: a recreate stops waiting for its delete then, and says where it stands. */
  readonly cancel: AbortSignal;
}

const isState = (extension: Extension | undefined, state: string): boolean => extension?.provisioningState?.toLowerCase() === state;

/** The judgement of a write that leaves the extension in place (create, update, the create of a recreate). */
function judgePresent(current: Extension | undefined, name: string, cluster: ClusterModel): Verdict {
  if (!current) {
    return { kind: 'failed', message: `${name} no longer exists on ${cluster.name}.` };
  }
  if (isRunningState(current.provisioningState)) {
    return { kind: 'running', state: current.provisioningState ?? '' };
  }
  return isState(current, 'succeeded') ? { kind: 'succeeded' } : { kind: 'failed', message: failureDetails(current) || 'Azure reports it Failed without a reason.' };
}

/**
 * Why an existing instance must not be written to now: gone, managed by another service, or busy. Undefined when it
 * may be (what every update, recreate and delete checks, as the Clusters view's commands do).
 */
export function instanceBlocker(current: Extension | undefined, name: string, cluster: ClusterModel): string | undefined {
  if (!current) {
    return `${name} no longer exists on ${cluster.name}: nothing sent.`;
  }
  if (isReadOnlyForUsers(current)) {
    return `${name} is managed by another service (${current.managedBy ?? 'managementDetails'}): Azure lets you only read it.`;
  }
  return isRunningState(current.provisioningState) ? `${name} is ${current.provisioningState}: an operation is already running on it.` : undefined;
}

function createAction(ctx: ActionContext): ClusterAction {
  const { request } = ctx.record;
  return {
    async check(target, signal) {
      const existing = await readExtensions(ctx, target.cluster, signal);
      const blocker = createBlocker(target.cluster, existing, request, ctx.replaceFailed.has(target.cluster.id.toLowerCase()));
      return blocker ? { skip: blocker } : { write: (sent) => submitCreate(ctx, target.cluster, ctx.requestFor(request, target.cluster), signal).then(sent) };
    },
    taken: (current) => current !== undefined,
    judge: (current, target) => judgePresent(current, request.name, target.cluster),
  };
}

function updateAction(ctx: ActionContext, patch: NonNullable<Extract<RolloutRecord['action'], { kind: 'update' }>>['patch']): ClusterAction {
  return {
    async check(target, signal) {
      const name = targetExtensionName(ctx.record, target);
      const current = await readExtension(ctx, target.cluster, name, signal, true);
      const blocker = instanceBlocker(current, name, target.cluster) ?? updateBlocker(current as Extension, patch);
      return blocker ? { skip: blocker } : { write: (sent) => submitUpdate(ctx, target.cluster, name, updateFor(current as Extension, patch), signal).then(sent) };
    },
    // Succeeded with the values asked for is this update done (or someone's identical one: nothing more to send either).
    taken: (current) => current !== undefined && (isRunningState(current.provisioningState) || updateBlocker(current, patch) !== undefined),
    judge: (current, target) => judgePresent(current, targetExtensionName(ctx.record, target), target.cluster),
  };
}

function deleteAction(ctx: ActionContext): ClusterAction {
  return {
    async check(target, signal) {
      const name = targetExtensionName(ctx.record, target);
      const current = await readExtension(ctx, target.cluster, name, signal, true);
      const blocker = instanceBlocker(current, name, target.cluster);
      return blocker ? { skip: blocker } : { write: (sent) => submitDelete(ctx, target.cluster, name, signal).then(sent) };
    },
    taken: (current) => current === undefined || isState(current, 'deleting'),
    judge(current) {
      if (!current) {
        return { kind: 'succeeded' };
      }
      return isRunningState(current.provisioningState)
        ? { kind: 'running', state: current.provisioningState ?? '' }
        : { kind: 'failed', message: failureDetails(current) || `Still there after the delete (${current.provisioningState ?? 'unknown state'}).` };
    },
  };
}

/** Reads until the extension is gone; rejects when its delete fails, or (having said so on the target) when the user cancels. */
async function waitUntilDeleted(ctx: ActionContext, target: RolloutTarget, name: string): Promise<void> {
  for (;;) {
    await sleepUnlessAborted(ctx.pollIntervalMs, ctx.cancel);
    ctx.cancel.throwIfAborted();
    const current = await readExtension(ctx, target.cluster, name, ctx.cancel);
    if (!current) {
      return;
    }
    if (!isRunningState(current.provisioningState)) {
      throw new Error(`Its delete ended ${current.provisioningState ?? 'without a state'}: ${failureDetails(current) || 'no reason given'}. Nothing was created.`);
    }
  }
}

/**
 * Recreate: the instance is read, deleted, waited for until gone, and created again with what was read (settings as
 * Azure stores them; protected values only as the user gave them again). What was read is kept on the target first, so
 * an interruption after the delete still knows what to create.
 */
function recreateAction(ctx: ActionContext): ClusterAction {
  return {
    async check(target, signal) {
      const name = targetExtensionName(ctx.record, target);
      const current = await readExtension(ctx, target.cluster, name, signal, true);
      const deleting = isState(current, 'deleting') && target.recreateWith !== undefined;
      const blocker = current === undefined && target.recreateWith ? undefined : deleting ? undefined : instanceBlocker(current, name, target.cluster);
      if (blocker) {
        return { skip: blocker };
      }
      target.recreateWith ??= requestFromExtension(current as Extension);
      const recreateWith = target.recreateWith;
      // Never delete what could not be created again: the shared rules judge the create first, as the single recreate does.
      const refused = validateExtensionRequest(ctx.requestFor(recreateWith, target.cluster), { settingsForm: 'stored' }).filter((p) => p.severity === 'error');
      if (refused.length > 0) {
        return { skip: `Nothing deleted: created again it would be refused (${refused.map((p) => (p.key ? `${p.key}: ${p.message}` : p.message)).join(' ')})` };
      }
      return {
        write: async (sent) => {
          if (current && !deleting) {
            await submitDelete(ctx, target.cluster, name, signal);
            target.phase = 'delete';
            sent();
          }
          if (current) {
            await waitUntilDeleted(ctx, target, name);
          }
          // The delete is done: from here the create goes on even when the rollout stops submitting, but not past a Cancel.
          await submitCreate(ctx, target.cluster, ctx.requestFor(recreateWith, target.cluster), ctx.cancel);
          target.phase = 'create';
          sent();
        },
      };
    },
    taken: (current, target) => current !== undefined && target.phase === 'create',
    judge: (current, target) => judgePresent(current, targetExtensionName(ctx.record, target), target.cluster),
  };
}

/** The per-cluster behaviour of the record's action. */
export function clusterAction(ctx: ActionContext): ClusterAction {
  const action = ctx.record.action ?? { kind: 'create' };
  switch (action.kind) {
    case 'create':
      return createAction(ctx);
    case 'update':
      return updateAction(ctx, action.patch);
    case 'recreate':
      return recreateAction(ctx);
    case 'delete':
      return deleteAction(ctx);
  }
}
