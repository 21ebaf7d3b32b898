import * as vscode from 'vscode';
import { compareVersions } from '../../fleet/fleetBuckets';
import type { FleetExtension } from '../../fleet/fleetModel';
import { clusterNodeOf, extensionNodeOf, followFromResourceManager, selectedMembers } from '../../fleetView/fleetSelection';
import type { FleetNode } from '../../fleetView/fleetNodes';
import { registerCommand } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { clusterCount } from '../../ui/counts';

/** At most this many instances are offered as the one to copy (healthy, following upgrades, newest first). */
const SOURCES_OFFERED = 30;

function typeOf(arg: unknown, selection: unknown): string | undefined {
  const nodes = [arg, ...(Array.isArray(selection) ? selection : [])] as FleetNode[];
  const node = nodes.find((n) => n?.kind === 'fleetBucket' || n?.kind === 'fleetMember');
  return node?.kind === 'fleetBucket' ? node.bucket.extensionType : node?.kind === 'fleetMember' ? node.parent.bucket.extensionType : undefined;
}

function bySuitability(a: FleetExtension, b: FleetExtension): number {
  const healthy = Number(b.provisioningState === 'Succeeded') - Number(a.provisioningState === 'Succeeded');
  const following = Number(b.autoUpgradeMinorVersion) - Number(a.autoUpgradeMinorVersion);
  return healthy || following || compareVersions(b.currentVersion ?? '0', a.currentVersion ?? '0');
}

/**
 * Deploy to These Clusters… on Not installed (or clusters selected in it): the user picks an instance of the type to
 * copy, then the Clusters view's Deploy to Clusters runs with these clusters (protected settings asked, one review).
 */
export function registerDeployToFleetClusters(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCommand(context, services, 'aksClusterExtensions.fleet.deploy', 'Deploy to clusters', async (arg?: unknown, selection?: unknown) => {
    const lacking = selectedMembers(arg, selection).filter((m) => !m.extension);
    const type = typeOf(arg, selection);
    if (lacking.length === 0 || !type) {
      void services.prompter.notify('info', vscode.l10n.t('Select clusters under Not installed to deploy to them.'));
      return undefined;
    }
    const { snapshot } = await services.fleet.groups();
    const instances = snapshot.extensions.filter((e) => e.extensionType.toLowerCase() === type.toLowerCase()).sort(bySuitability).slice(0, SOURCES_OFFERED);
    const clusters = new Map(snapshot.clusters.map((c) => [c.id.toLowerCase(), c]));
    const source = await services.prompter.pick(
      instances.map((e) => ({
        label: `${clusters.get(e.clusterId.toLowerCase())?.name ?? e.clusterId} / ${e.name}`,
        description: `${e.currentVersion ?? e.version ?? ''} · ${e.provisioningState}${e.autoUpgradeMinorVersion ? '' : ` · ${vscode.l10n.t('auto-upgrade off')}`}`,
        value: e,
      })),
      { title: vscode.l10n.t('Deploy {0} to {1}', type, clusterCount(lacking.length)), placeHolder: vscode.l10n.t('Copy the settings of which instance?') },
    );
    const sourceCluster = source && clusters.get(source.clusterId.toLowerCase());
    if (!source || !sourceCluster) {
      return undefined;
    }
    const sourceNode = await extensionNodeOf(services, { cluster: sourceCluster, extension: source, drift: [] });
    const targets = await Promise.all(lacking.map((m) => clusterNodeOf(services, m)));
    const result = await vscode.commands.executeCommand('aksClusterExtensions.deployToClusters', sourceNode, targets);
    targets.forEach((target) => void followFromResourceManager(services, target));
    return result;
  });
}
