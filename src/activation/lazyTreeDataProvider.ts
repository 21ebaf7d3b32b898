import * as vscode from 'vscode';

/**
 * Stands in for a view's data provider from activation on: the first time the view asks for anything, the real
 * provider is resolved (which loads the Azure part) and every call and change event goes through to it.
 */
export class LazyTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  // VS Code subscribes when the view is created, so the event must exist before the real provider does.
  readonly onDidChangeTreeData = this.changed.event;
  private real: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;

  constructor(private readonly resolve: () => vscode.TreeDataProvider<T>) {}

  private target(): vscode.TreeDataProvider<T> {
    if (!this.real) {
      this.real = this.resolve();
      this.forwarding = this.real.onDidChangeTreeData?.((e) => this.changed.fire(e));
    }
    return this.real;
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.target().getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.target().getChildren(element);
  }

  // Both real providers have getParent, which TreeView.reveal needs.
  getParent(element: T): vscode.ProviderResult<T> {
    return this.target().getParent?.(element);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}
