/**
 * How long to wait before the first read of an operation just accepted. Reading earlier spends the read budget on
 * answers that say "still running"; so once some operations have ended, the first read waits for most of the quickest
 * one seen (the quickest, not the typical: waits in the read queue lengthen what is seen, and would feed on themselves).
 */
export class DurationEstimate {
  private quickestMs = Number.POSITIVE_INFINITY;

  /** Time from acceptance to the read that saw it end. */
  observe(ms: number): void {
    this.quickestMs = Math.min(this.quickestMs, ms);
  }

  firstReadAfter(pollIntervalMs: number): number {
    return Number.isFinite(this.quickestMs) ? Math.max(pollIntervalMs, 0.8 * this.quickestMs) : pollIntervalMs;
  }
}
