/*
 * The rollout engine: one action (create, update, recreate, delete) on many clusters, as fast as Resource Manager's
 * budgets allow and no faster. Every cluster goes: wait for its turn in the subscription's write budget → check its
 * current state (never write to a cluster whose state could not be read) → write → watch its state within the read
 * budget until it ends. What the check reads and what a write is differ per action (clusterActions.ts); the rest is
 * the same for all. An optional canary goes first and alone; failures beyond a threshold pause submitting and ask;
 * cancel stops submitting and reads once more what was sent. Every cluster ends in a known state; each change is
 * reported so the caller can store it.
 */
import { isRestError } from '@azure/core-rest-pipeline';
import { setMaxListeners } from 'node:events';
import type { ClusterModel } from '../azure/clusterModel';
import type { ExtensionRequest } from '../shared';
import { sleepUnlessAborted } from './abortableSleep';
import { type ClusterAction, clusterAction } from './clusterActions';
import { oneLine, readExtension, type StepContext } from './clusterSteps';
import { DurationEstimate } from './durationEstimate';
import { canaryTargets, failureLimit, type RolloutRecord, type RolloutTarget, targetExtensionName } from './rolloutRecord';

export interface RolloutRun {
  readonly record: RolloutRecord;
  /** Clusters of the record to work on now (a resume or a retry works on some of them). */
  readonly targets: readonly RolloutTarget[];
  /**
   * The request a create sends to a cluster, built on `base` (the record's request, or for a recreate the instance as
   * read): protected values added (never stored in the record) and what az fills in for the cluster.
   */
  requestFor(base: ExtensionRequest, cluster: ClusterModel): ExtensionRequest;
  /** Whether the canary (if the record's options have one) goes first in this run: not on a resume or retry. */
  readonly withCanary: boolean;
  /** Clusters (ids, lower case) whose Failed extension left by this rollout may be replaced (Retry the Failed Ones). */
  readonly replaceFailed: ReadonlySet<string>;
  /** How often a running operation is read again; the first read waits for the typical duration of one. */
  readonly pollIntervalMs: number;
  /** Cancel: stop submitting, read once more what was sent, and end. */
  readonly cancel: AbortSignal;
}

export interface RolloutHooks {
  /** After every change of a cluster's state: store it, show progress. */
  changed(record: RolloutRecord): void;
  /** The failure threshold was reached: true to go on. Nothing new is sent until it answers; what runs is still watched. */
  askToContinue(failed: number, total: number): Promise<boolean>;
}

/** Consecutive failed reads of a running operation after which it is reported as still running, state unknown. */
const WATCH_READ_ATTEMPTS = 3;

class Rollout {
  /** Aborted when nothing more may be sent: cancel, a failed canary, or "stop" at the failure threshold. */
  private readonly stop = new AbortController();
  private stopReason = '';
  private question: Promise<void> | undefined;
  private failures = 0;
  private nextQuestionAt: number | undefined;
  private readonly durations = new DurationEstimate();
  private readonly action: ClusterAction;

  constructor(
    private readonly ctx: StepContext,
    private readonly run: RolloutRun,
    private readonly hooks: RolloutHooks,
  ) {
    this.action = clusterAction({ ...ctx, ...run, record: run.record, requestFor: (base, cluster) => run.requestFor(base, cluster) });
    this.nextQuestionAt = failureLimit(run.record.options.failureThreshold, run.targets.length);
    // Every cluster waiting for its turn listens to these two: hundreds, by design.
    setMaxListeners(0, this.stop.signal, run.cancel);
    run.cancel.addEventListener('abort', () => this.halt('Not started: the rollout was cancelled.'), { once: true });
  }

  async execute(): Promise<RolloutRecord> {
    const { record } = this.run;
    record.status = 'running';
    const canary = this.run.withCanary ? canaryTargets(this.run.targets, record.options.canary) : [];
    await Promise.all(canary.map((t) => this.advance(t)));
    const failedCanary = canary.find((t) => t.state === 'failed' || t.state === 'notChecked');
    if (failedCanary) {
      this.halt(`Not started: the canary ${failedCanary.cluster.name} did not succeed (${failedCanary.message}).`);
    }
    await Promise.all(this.run.targets.filter((t) => !canary.includes(t)).map((t) => this.advance(t)));
    record.status = this.stopReason ? 'stopped' : 'finished';
    this.changed();
    return record;
  }

  private halt(reason: string): void {
    if (!this.stop.signal.aborted) {
      this.stopReason = reason;
      this.stop.abort(new Error(reason));
    }
  }

  private set(target: RolloutTarget, state: RolloutTarget['state'], message: string): void {
    target.state = state;
    target.message = message;
    this.changed();
  }

  private changed(): void {
    this.run.record.updatedAt = Date.now();
    this.hooks.changed(this.run.record);
  }

  /** One cluster from where it stands to a known end. */
  private async advance(target: RolloutTarget): Promise<void> {
    if (target.state === 'submitted' || target.state === 'running') {
      // Sent by an earlier run whose end is unknown: read it again before anything else.
      const current = await this.read(target).then(
        (extension) => ({ extension }),
        () => undefined,
      );
      if (current && this.action.taken(current.extension, target)) {
        await this.watch(target, Date.now(), true);
        return;
      }
    }
    if (await this.submit(target)) {
      await this.watch(target, Date.now(), false);
    }
  }

  private read(target: RolloutTarget) {
    return readExtension(this.ctx, target.cluster, targetExtensionName(this.run.record, target));
  }

  /** Waits for its turn to write, checks the cluster, writes; true once Azure accepted it (the target is then `submitted`). */
  private async submit(target: RolloutTarget): Promise<boolean> {
    const { cluster } = target;
    const signal = this.stop.signal;
    try {
      await this.question;
      await this.ctx.pacer.reserveWrite(cluster.subscriptionId, signal);
      await this.question;
      signal.throwIfAborted();
    } catch {
      this.set(target, 'notStarted', this.stopReason);
      return false;
    }
    let checked;
    try {
      checked = await this.action.check(target, signal);
    } catch (err) {
      this.set(target, signal.aborted ? 'notStarted' : 'notChecked', signal.aborted ? this.stopReason : `Not checked: ${oneLine(err, `Read ${targetExtensionName(this.run.record, target)} on ${cluster.name}`)}`);
      return false;
    }
    if ('skip' in checked) {
      this.set(target, 'skipped', checked.skip);
      return false;
    }
    let sent = false;
    try {
      await checked.write(() => {
        sent = true;
        this.set(target, 'submitted', '');
      });
    } catch (err) {
      return this.afterFailedWrite(target, err, sent);
    }
    return true;
  }

  /** A write failed after every retry: Azure may still have taken it, so the resource says what happened. */
  private async afterFailedWrite(target: RolloutTarget, err: unknown, sent: boolean): Promise<boolean> {
    // A write of several steps (recreate) that the user cancelled after its first: where it stands, and that Resume goes on.
    if (sent && this.run.cancel.aborted) {
      this.set(target, 'running', 'Cancelled after its delete was sent and before it was created again: Resume creates it with the settings read before.');
      return false;
    }
    // Stopped while waiting to resend after a 429: that request was refused, so nothing reached the cluster.
    if (!sent && !isRestError(err) && this.stop.signal.aborted) {
      this.set(target, 'notStarted', this.stopReason);
      return false;
    }
    const current = await this.read(target).then(
      (extension) => ({ extension }),
      () => undefined,
    );
    if (current && this.action.taken(current.extension, target) && this.action.judge(current.extension, target).kind !== 'failed') {
      this.set(target, 'submitted', '');
      return true;
    }
    this.fail(target, oneLine(err, `${this.run.record.title} on ${target.cluster.name}`));
    return false;
  }

  private fail(target: RolloutTarget, message: string): void {
    this.set(target, 'failed', message);
    this.failures += 1;
    if (this.nextQuestionAt !== undefined && this.failures >= this.nextQuestionAt && !this.question) {
      this.question = this.ask();
    }
  }

  private async ask(): Promise<void> {
    const goOn = await this.hooks.askToContinue(this.failures, this.run.targets.length).catch(() => false);
    if (goOn) {
      this.nextQuestionAt = this.failures + (failureLimit(this.run.record.options.failureThreshold, this.run.targets.length) ?? 1);
    } else {
      this.halt(`Not started: stopped after ${this.failures} failed ${this.failures === 1 ? 'cluster' : 'clusters'}.`);
    }
    this.question = undefined;
  }

  /** Reads the extension until its operation ends; after a cancel, reads it once more and reports what it is then. */
  private async watch(target: RolloutTarget, acceptedAt: number, readNow: boolean): Promise<void> {
    const name = targetExtensionName(this.run.record, target);
    let delay = readNow ? 0 : this.durations.firstReadAfter(this.run.pollIntervalMs);
    let failedReads = 0;
    for (;;) {
      await sleepUnlessAborted(delay, this.run.cancel);
      delay = this.run.pollIntervalMs;
      let extension;
      try {
        extension = await this.read(target);
      } catch (err) {
        failedReads += 1;
        if (failedReads >= WATCH_READ_ATTEMPTS || this.run.cancel.aborted) {
          this.set(target, 'running', `Sent; its state could not be read: ${oneLine(err, `Read ${name} on ${target.cluster.name}`)}`);
          return;
        }
        continue;
      }
      failedReads = 0;
      const verdict = this.action.judge(extension, target);
      if (verdict.kind === 'running') {
        if (this.run.cancel.aborted) {
          this.set(target, 'running', `Still ${verdict.state} in Azure when the rollout was cancelled.`);
          return;
        }
        continue;
      }
      if (verdict.kind === 'succeeded') {
        this.durations.observe(Date.now() - acceptedAt);
        this.set(target, 'succeeded', '');
      } else {
        this.fail(target, verdict.message);
      }
      return;
    }
  }
}

/** Runs (or resumes) a rollout to a known end of every cluster it works on; the record is updated in place. */
export function runRollout(ctx: StepContext, run: RolloutRun, hooks: RolloutHooks): Promise<RolloutRecord> {
  return new Rollout(ctx, run, hooks).execute();
}
