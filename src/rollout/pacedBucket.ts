/**
 * A token bucket that hands out requests in the order they were asked for: `burst` at once, then `perSecond`, and
 * nothing at all while paused (Azure said Retry-After). Resource Manager keeps the same kind of bucket per subscription
 * and principal; pacing on our side to the same figures keeps its 429s rare, and a pause shared by every request to the
 * subscription keeps one refusal from turning into many.
 */
export interface BucketLimits {
  readonly burst: number;
  readonly perSecond: number;
}

const FIRST_REQUEST_ALLOWANCE_MS = 150;

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (reason: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

export class PacedBucket {
  private tokens: number;
  /**
   * Azure starts counting when our first request arrives, later than we take its turn (that request also opens the
   * connection, so it is the slowest): refilling from a little later keeps our count behind Azure's, never ahead.
   */
  private refilledAt = Date.now() + FIRST_REQUEST_ALLOWANCE_MS;
  private pausedUntil = 0;
  /** Requests waiting, those asked for `first` at the front, each group in the order asked. */
  private readonly waiting: Waiter[] = [];
  private firstCount = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly limits: BucketLimits) {
    this.tokens = limits.burst;
  }

  /**
   * Resolves when this request may be sent; rejects with the signal's reason if it is aborted first. `first` requests
   * go ahead of the others waiting (a rollout's checks before its polls, so writes stay evenly spaced).
   */
  take(signal?: AbortSignal, first = false): Promise<void> {
    signal?.throwIfAborted();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.waiting.indexOf(waiter);
          this.firstCount -= index < this.firstCount ? 1 : 0;
          this.waiting.splice(index, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      if (first) {
        this.waiting.splice(this.firstCount, 0, waiter);
        this.firstCount += 1;
      } else {
        this.waiting.push(waiter);
      }
      this.serve();
    });
  }

  /**
   * Holds every request until `ms` from now (or longer if already paused longer). Azure's bucket was empty when it
   * refused, so ours is emptied too and refills from now, during the pause, as Azure's does; and each refusal owes one
   * more request, since the SDK's retry policy sends the refused request again when the pause ends.
   */
  pause(ms: number): void {
    const now = Date.now();
    this.refill(now);
    this.pausedUntil = Math.max(this.pausedUntil, now + ms);
    this.tokens = Math.min(this.tokens, 0) - 1;
    this.serve();
  }

  private refill(now: number): void {
    if (now > this.refilledAt) {
      this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.limits.perSecond);
      this.refilledAt = now;
    }
  }

  private serve(): void {
    const now = Date.now();
    this.refill(now);
    while (this.waiting.length > 0 && now >= this.pausedUntil && this.tokens >= 1) {
      this.tokens -= 1;
      const waiter = this.waiting.shift() as Waiter;
      this.firstCount = Math.max(0, this.firstCount - 1);
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    if (this.waiting.length > 0 && this.timer === undefined) {
      const wait = now < this.pausedUntil ? this.pausedUntil - now : ((1 - this.tokens) / this.limits.perSecond) * 1000;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.serve();
      }, Math.max(1, Math.ceil(wait)));
    }
  }
}
