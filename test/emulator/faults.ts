/*
 * Fault injection for ARM routes (never the /_emulator control routes). Rates are spread deterministically rather than
 * drawn at random, so tests are repeatable: with rate r, the n-th matching request gets the fault exactly when
 * ceil(n·r) grows, i.e. the first matching request is faulted and, over any run, ceil(n·r) of n requests are.
 * With r = 0.5 that alternates fault, pass, fault… — enough for the SDK's retries to get through.
 */
import { ArmError } from './armErrors';
import type { FaultOptions } from './emulatorTypes';

export type FaultKind = 'drop' | 'throttle' | 'serverError';

class SpreadCounter {
  private seen = 0;
  private fired = 0;

  constructor(private readonly rate: number) {}

  next(): boolean {
    this.seen += 1;
    // The epsilon keeps n·r from rounding up past an integer it equals (e.g. 3 × 0.1 = 0.30000000000000004).
    if (Math.ceil(this.seen * this.rate - 1e-9) > this.fired) {
      this.fired += 1;
      return true;
    }
    return false;
  }
}

export class FaultInjector {
  private options: FaultOptions = {};
  private pattern: RegExp | undefined;
  private counters: [FaultKind, SpreadCounter][] = [];

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  /** Replaces every knob and restarts the spreading; throws on rates outside 0..1 or a bad pattern. */
  set(options: FaultOptions): void {
    for (const name of ['throttleRate', 'serverErrorRate', 'dropRate'] as const) {
      const rate = options[name];
      if (rate !== undefined && !(rate >= 0 && rate <= 1)) {
        throw new Error(`${name} must be between 0 and 1, got ${String(rate)}`);
      }
    }
    this.pattern = options.pathPattern ? new RegExp(options.pathPattern, 'i') : undefined;
    this.options = { ...options };
    this.counters = [
      ['drop', new SpreadCounter(options.dropRate ?? 0)],
      ['throttle', new SpreadCounter(options.throttleRate ?? 0)],
      ['serverError', new SpreadCounter(options.serverErrorRate ?? 0)],
    ];
  }

  get current(): FaultOptions {
    return { ...this.options };
  }

  applies(path: string): boolean {
    return this.pattern === undefined || this.pattern.test(path);
  }

  get latencyMs(): number {
    return Math.max(0, this.options.latencyMs ?? 0);
  }

  /** The fault for the next matching request, if any (every knob's counter advances, so each keeps its own rate). */
  next(): FaultKind | undefined {
    const fired = this.counters.filter(([, counter]) => counter.next()).map(([kind]) => kind);
    return fired[0];
  }

  /** 429 with Retry-After in seconds: fractional values below 1 are sent as is (tests), others rounded up. */
  throttled(): ArmError {
    const seconds = this.options.retryAfterSeconds ?? 1;
    const header = seconds >= 1 ? String(Math.ceil(seconds)) : String(seconds);
    return new ArmError(429, 'TooManyRequests', `The request is being throttled. Retry after ${header} seconds.`, undefined, {
      'Retry-After': header,
    });
  }
}

export function internalServerError(): ArmError {
  return new ArmError(500, 'InternalServerError', 'An internal server error occurred (injected by the emulator). Please retry the request.');
}
