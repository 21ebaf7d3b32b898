import pLimit from 'p-limit';

/** Runs tasks with at most `limit()` in flight (p-limit); `refresh()` applies a changed limit to the waiting tasks too. */
export interface Limiter {
  <T>(task: () => Promise<T>): Promise<T>;
  /** Reads the limit again: a raised one starts waiting tasks at once, a lowered one lets running tasks finish. */
  refresh(): void;
}

export function createLimiter(limit: () => number): Limiter {
  const read = (): number => Math.max(1, Math.floor(limit()));
  const queue = pLimit(read());
  const run = <T>(task: () => Promise<T>): Promise<T> => {
    queue.concurrency = read();
    return queue(task);
  };
  return Object.assign(run, {
    refresh: () => {
      queue.concurrency = read();
    },
  });
}
