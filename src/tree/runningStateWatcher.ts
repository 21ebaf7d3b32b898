import type * as vscode from 'vscode';
import type { ClusterNode } from './treeNodes';

/**
 * Re-reads a cluster's extensions while any of them is Creating, Updating or Deleting, until all reach an end state:
 * the tree shows progress without the user pressing Refresh.
 */
export class RunningStateWatcher implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: () => number,
    private readonly refresh: (node: ClusterNode) => void,
  ) {}

  /**
   * Schedules one more look at the cluster when something on it is still running (keeping a look already scheduled,
   * so repeated reads cannot postpone it); otherwise stops watching it.
   */
  watch(node: ClusterNode, running: boolean): void {
    const existing = this.timers.get(node.id);
    if (!running && existing) {
      clearTimeout(existing);
      this.timers.delete(node.id);
    }
    if (running && !existing) {
      this.timers.set(
        node.id,
        setTimeout(() => {
          this.timers.delete(node.id);
          this.refresh(node);
        }, this.intervalMs()),
      );
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
  }
}
