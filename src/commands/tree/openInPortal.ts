import * as vscode from 'vscode';
import { asTreeNode, resolveClusterNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import type { TreeNode } from '../../tree/treeNodes';

/** The portal page of a resource, in the portal of the subscription's cloud. */
export function portalUrlOf(node: TreeNode): vscode.Uri {
  const subscription = node.kind === 'subscription' ? node.subscription : node.kind === 'cluster' ? node.parent.subscription : node.kind === 'extension' ? node.parent.parent.subscription : undefined;
  const portal = (subscription?.environment.portalUrl ?? 'https://portal.azure.com').replace(/\/$/, '');
  return vscode.Uri.parse(`${portal}/#@${subscription?.tenantId ?? ''}/resource${node.id}`);
}

export function registerOpenInPortal(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.openInPortal', 'Open in Portal', async (arg?: unknown) => {
    const node = asTreeNode(arg) ?? (await resolveClusterNode(arg, services));
    const uri = portalUrlOf(node);
    await vscode.env.openExternal(uri);
    return uri.toString(true);
  });
}
