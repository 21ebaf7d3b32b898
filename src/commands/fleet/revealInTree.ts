import type * as vscode from 'vscode';
import { clusterNodeOf, selectedMembers } from '../../fleetView/fleetSelection';
import { REVEAL_IN_TREE_COMMAND } from '../../fleetView/fleetTreeItems';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';

/** Selecting a cluster in the fleet view reveals it, expanded, in the Clusters view. */
export function registerRevealInTree(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, REVEAL_IN_TREE_COMMAND, 'Reveal in Clusters', async (arg?: unknown) => {
    const [member] = selectedMembers(arg, undefined);
    if (!member) {
      return undefined;
    }
    const node = await clusterNodeOf(services, member);
    // Focus stays in the fleet view so the keyboard can go on to the next cluster.
    await services.view.reveal(node, { select: true, focus: false, expand: true });
    return node;
  });
}
