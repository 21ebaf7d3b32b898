import type { RolloutRecord } from './rolloutRecord';

/** The part of VS Code's Memento (the extension's global state) the store needs; plain objects in unit tests. */
export interface StateMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY = 'aksClusterExtensions.rollouts';
/** Rollouts kept: enough to resume or retry recent ones, small enough for global state. */
const KEPT = 5;
/** How long a running record may go without an update before it counts as interrupted (its window closed or crashed). */
export const HEARTBEAT_MS = 10_000;
const WRITE_DELAY_MS = 500;

/** True while the record's heartbeat says some window still runs it. */
export function isAlive(record: RolloutRecord, now = Date.now()): boolean {
  return record.status === 'running' && now - record.updatedAt <= 3 * HEARTBEAT_MS;
}

/**
 * The rollouts of this machine, newest first, in the extension's global state: written as a rollout goes (changes are
 * gathered for half a second, then written), so that after a reload or a crash the user sees what was done.
 */
export class RolloutStore {
  private readonly dirty = new Map<string, RolloutRecord>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly memento: StateMemento,
    /** Told when a write fails (the rollout goes on; the log says its progress may not survive a reload). */
    private readonly onWriteError: (err: unknown) => void,
  ) {}

  all(): RolloutRecord[] {
    return this.memento.get<RolloutRecord[]>(KEY) ?? [];
  }

  find(id: string): RolloutRecord | undefined {
    return this.all().find((r) => r.id === id);
  }

  /** Records whose window shut down or crashed mid-way (no heartbeat for three beats). */
  interrupted(now = Date.now()): RolloutRecord[] {
    return this.all().filter((r) => r.status === 'interrupted' || (r.status === 'running' && !isAlive(r, now)));
  }

  /** Remembers the record's current state; written shortly after (or at `flush`). */
  save(record: RolloutRecord): void {
    this.dirty.set(record.id, record);
    this.timer ??= setTimeout(() => void this.flush(), WRITE_DELAY_MS);
  }

  /** Writes every pending change now. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.dirty.size > 0) {
      const changed = [...this.dirty.values()].map((r) => structuredClone(r));
      this.dirty.clear();
      this.writing = this.writing
        .then(() => {
          const others = this.all().filter((r) => !changed.some((c) => c.id === r.id));
          return this.memento.update(KEY, [...changed, ...others].sort((a, b) => b.startedAt - a.startedAt).slice(0, KEPT));
        })
        .then(undefined, this.onWriteError);
    }
    return this.writing;
  }
}
