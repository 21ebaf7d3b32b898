/**
 * Remembers the last answer per key so the same list is not fetched twice in a row when nothing changed.
 * Concurrent callers share one in-flight request; a failed request is forgotten so a retry refetches.
 */
export class PromiseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, fetch: () => Promise<T>): Promise<T> {
    const normalized = key.toLowerCase();
    let entry = this.entries.get(normalized);
    if (!entry) {
      entry = fetch();
      this.entries.set(normalized, entry);
      entry.catch(() => {
        if (this.entries.get(normalized) === entry) {
          this.entries.delete(normalized);
        }
      });
    }
    return entry;
  }

  /** Forgets one key, or every key under a prefix (an ARM id and everything below it), or everything. */
  invalidate(keyOrPrefix?: string): void {
    if (keyOrPrefix === undefined) {
      this.entries.clear();
      return;
    }
    const prefix = keyOrPrefix.toLowerCase();
    for (const key of [...this.entries.keys()]) {
      if (key === prefix || key.startsWith(`${prefix}/`)) {
        this.entries.delete(key);
      }
    }
  }
}
