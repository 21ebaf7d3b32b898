import type * as vscode from 'vscode';
import { clusterNode } from '../../tree/treeNodes';
import { resolveClusterNode } from '../nodePickers';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { ensureClusterReady } from './clusterChecks';
import { clusterTarget } from './createTarget';
import { askCreateRequest } from './createWizard';
import { sendCreate } from './sendCreate';

/** Create Extension…: on a cluster (or one picked from the palette), the cluster checked before any question. */
export function registerCreateExtension(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.createExtension', 'Create extension', async (arg?: unknown) => {
    const node = await resolveClusterNode(arg, services);
    const cluster = await ensureClusterReady(services, node.cluster);
    const req = await askCreateRequest(services, clusterTarget(cluster));
    return req ? sendCreate(services, clusterNode(node.parent, cluster), req) : undefined;
  });
}
