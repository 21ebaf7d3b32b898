import { type ArmBudgetKind, onArmThrottled } from '../azure/armThrottleSignals';
import { type BucketLimits, PacedBucket } from './pacedBucket';

/** Resource Manager's budgets per subscription and principal (Azure's documented figures). */
export const ARM_BUDGETS: Readonly<Record<ArmBudgetKind, BucketLimits>> = {
  reads: { burst: 250, perSecond: 25 },
  writes: { burst: 200, perSecond: 10 },
};

/**
 * Paces a rollout's requests per subscription within Resource Manager's read and write budgets, and pauses all of a
 * subscription's requests of one kind when Azure answers 429 (for as long as its Retry-After says). Counts the 429s.
 */
export class ArmPacer {
  private readonly buckets = new Map<string, PacedBucket>();
  private readonly stopListening: () => void;
  throttled = 0;

  constructor(private readonly budgets: Readonly<Record<ArmBudgetKind, BucketLimits>> = ARM_BUDGETS) {
    this.stopListening = onArmThrottled(({ subscriptionId, kind, retryAfterMs }) => {
      this.throttled += 1;
      this.bucket(subscriptionId, kind).pause(retryAfterMs);
      if (kind === 'writes') {
        this.bucket(subscriptionId, 'reservations').pause(retryAfterMs);
      }
    });
  }

  /** Resolves when one request of this kind may be sent to the subscription; `first` goes ahead of others waiting. */
  take(subscriptionId: string, kind: ArmBudgetKind, signal?: AbortSignal, first = false): Promise<void> {
    return this.bucket(subscriptionId, kind).take(signal, first);
  }

  /**
   * A turn to write soon: taken before the cluster is checked, so that the check happens just before the write and
   * not long before it (the write itself then takes its own turn, which keeps writes evenly spaced as Azure counts them).
   */
  reserveWrite(subscriptionId: string, signal?: AbortSignal): Promise<void> {
    return this.bucket(subscriptionId, 'reservations').take(signal);
  }

  dispose(): void {
    this.stopListening();
  }

  private bucket(subscriptionId: string, kind: ArmBudgetKind | 'reservations'): PacedBucket {
    const key = `${subscriptionId.toLowerCase()}|${kind}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new PacedBucket(this.budgets[kind === 'reservations' ? 'writes' : kind]);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
