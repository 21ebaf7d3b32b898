import type * as vscode from 'vscode';
import type { TreeNode } from '../../tree/treeNodes';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Refresh: refetches the node it runs on (or the whole tree from the view title). */
export function registerRefresh(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.refresh', 'Refresh', (node?: unknown) => {
    services.tree.refresh(node as TreeNode | undefined);
  });
}
