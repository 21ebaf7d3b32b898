/*
 * Resource Manager's request budgets (../shared/PRODUCT.md "Scale"): token buckets per subscription and principal,
 * one for reads (GET/HEAD) and one for writes (PUT/PATCH/POST/DELETE); 250 reads then 25 per second and 200 writes
 * then 10 per second. A request over budget gets 429 TooManyRequests with Retry-After in whole seconds (as ARM sends
 * it), and a request from the same principal to the same subscription sent before that time is refused again, whatever
 * the bucket holds then: a client that retries early only waits longer. Off unless switched on (an emulator option).
 */
import { createHash } from 'crypto';
import { ArmError } from './armErrors';

export interface BucketLimits {
  /** Requests allowed at once when the bucket is full. */
  burst: number;
  /** Requests the bucket regains per second. */
  perSecond: number;
}

export interface ArmBudgetLimits {
  reads: BucketLimits;
  writes: BucketLimits;
}

/** Azure's public figures. */
export const AZURE_ARM_BUDGET: ArmBudgetLimits = {
  reads: { burst: 250, perSecond: 25 },
  writes: { burst: 200, perSecond: 10 },
};

export type BudgetKind = 'reads' | 'writes';

class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  /** Until when (ms) every request is refused: the Retry-After last sent. */
  private refusedUntil = 0;

  constructor(private readonly limits: BucketLimits, now: number) {
    this.tokens = limits.burst;
    this.refilledAt = now;
  }

  /** Takes one token, or returns the seconds to wait (whole, at least 1) when there is none or a refusal still holds. */
  take(now: number): number | undefined {
    if (now < this.refusedUntil) {
      return Math.ceil((this.refusedUntil - now) / 1000);
    }
    this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.limits.perSecond);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    const seconds = Math.max(1, Math.ceil((1 - this.tokens) / this.limits.perSecond));
    this.refusedUntil = now + seconds * 1000;
    return seconds;
  }
}

export function budgetKindOf(method: string): BudgetKind {
  return method === 'GET' || method === 'HEAD' ? 'reads' : 'writes';
}

/** The subscription a path is under, or '' for tenant-level routes (subscriptions list, providers, tenants). */
function subscriptionOf(path: string): string {
  return /^\/subscriptions\/([^/]+)/i.exec(path)?.[1]?.toLowerCase() ?? '';
}

/** Who is asking: the token's object id when it is a JWT, else a digest of the opaque token (never the token itself). */
function principalOf(token: string): string {
  const payload = token.split('.')[1];
  if (payload) {
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { oid?: unknown };
      if (typeof claims.oid === 'string') {
        return claims.oid;
      }
    } catch {
      // Not a JWT after all: fall through to the digest.
    }
  }
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

export class ArmBudget {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limits: ArmBudgetLimits,
    private readonly now: () => number = Date.now,
  ) {
    for (const kind of ['reads', 'writes'] as const) {
      const { burst, perSecond } = limits[kind];
      if (!(burst >= 1 && perSecond > 0)) {
        throw new Error(`armBudget.${kind} needs burst >= 1 and perSecond > 0, got ${String(burst)} and ${String(perSecond)}`);
      }
    }
  }

  /** Spends one request of the budget; throws 429 TooManyRequests with Retry-After when it is used up. */
  spend(method: string, path: string, token: string): void {
    const kind = budgetKindOf(method);
    const key = `${subscriptionOf(path)}|${principalOf(token)}|${kind}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.limits[kind], this.now());
      this.buckets.set(key, bucket);
    }
    const waitSeconds = bucket.take(this.now());
    if (waitSeconds !== undefined) {
      const header = String(waitSeconds);
      throw new ArmError(
        429,
        'TooManyRequests',
        `Number of ${kind === 'reads' ? 'read' : 'write'} requests for subscription '${subscriptionOf(path)}' exceeded the limit. Retry after ${header} seconds.`,
        undefined,
        { 'Retry-After': header, [`x-ms-ratelimit-remaining-subscription-${kind}`]: '0' },
      );
    }
  }
}

/** The limits an `armBudget` option asks for: true means Azure's, an object overrides some of them. */
export function armBudgetLimits(option: boolean | Partial<ArmBudgetLimits> | undefined): ArmBudgetLimits | undefined {
  if (!option) {
    return undefined;
  }
  return option === true ? AZURE_ARM_BUDGET : { ...AZURE_ARM_BUDGET, ...option };
}
