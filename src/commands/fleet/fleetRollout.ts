import * as vscode from 'vscode';
import type { ClusterModel } from '../../azure/clusterModel';
import { createLimiter } from '../../azure/concurrency';
import { isRunningState } from '../../azure/provisioningState';
import type { FleetMember } from '../../fleet/fleetBuckets';
import { type FleetExtension, fromArmExtension } from '../../fleet/fleetModel';
import { clusterNodeOf } from '../../fleetView/fleetSelection';
import { FINAL_STATES, type RolloutRecord, type RolloutTarget } from '../../rollout/rolloutRecord';
import type { ExtensionRequest } from '../../shared';
import type { ExtensionNode, TreeNode } from '../../tree/treeNodes';
import { rolloutOutcomes, rolloutUntilDone } from '../rollout/rolloutRunner';
import type { ExtensionServices } from '../services';

/** One instance a fleet action works on: the cluster as Resource Manager spells it, and the inventory's row. */
export interface FleetInstance {
  readonly cluster: ClusterModel;
  readonly extension: FleetExtension;
}

/** The instances of the selected members (members without one left out), with their clusters from Resource Manager. */
export async function fleetInstances(services: ExtensionServices, members: readonly FleetMember[]): Promise<FleetInstance[]> {
  const withInstance = members.filter((m): m is FleetMember & { extension: FleetExtension } => m.extension !== undefined);
  return Promise.all(withInstance.map(async (m) => ({ cluster: (await clusterNodeOf(services, m)).cluster, extension: m.extension })));
}

function isExtensionNode(value: unknown): value is ExtensionNode {
  return typeof value === 'object' && value !== null && (value as TreeNode).kind === 'extension';
}

/**
 * The instances of the Clusters view's extension rows selected together, when there are several: VS Code passes the
 * clicked row and the selection. Undefined for a single row, and for a row clicked outside the selection (VS Code then
 * acts on that row alone), which keep the single-instance command.
 */
export function selectedTreeInstances(arg: unknown, selection: unknown): FleetInstance[] | undefined {
  const rows = Array.isArray(selection) ? selection.filter(isExtensionNode) : [];
  if (rows.length < 2 || (isExtensionNode(arg) && !rows.some((n) => n.id === arg.id))) {
    return undefined;
  }
  return rows.map((n) => ({ cluster: n.parent.cluster, extension: fromArmExtension(n.parent.cluster.id, n.extension) }));
}

/**
 * Why the inventory already says an instance cannot be changed now: an operation is running on it. The engine checks
 * each instance again from Resource Manager right before it writes, including whether its manager lets users write
 * (the inventory has managedBy but not the access details that decide it).
 */
function knownBlocker({ extension }: FleetInstance): string | undefined {
  return isRunningState(extension.provisioningState) ? vscode.l10n.t('{0} is {1}: an operation is already running on it.', extension.name, extension.provisioningState) : undefined;
}

/** The rollout's targets: the instances to act on (pending), then those known to be blocked (skipped, with why). */
export function fleetTargets(instances: readonly FleetInstance[]): RolloutTarget[] {
  const targets = instances.map((i): RolloutTarget => {
    const blocker = knownBlocker(i);
    return { cluster: i.cluster, extensionName: i.extension.name, state: blocker ? 'skipped' : 'pending', message: blocker ?? '' };
  });
  return [...targets.filter((t) => t.state === 'pending'), ...targets.filter((t) => t.state !== 'pending')];
}

/** The review's line per cluster: what happens to its instance (from `describe`), or why nothing does. */
export function targetLines(targets: readonly RolloutTarget[], describe: (target: RolloutTarget) => string): string[] {
  return targets.map((t) => (t.state === 'pending' ? describe(t) : vscode.l10n.t('Skips {0} on {1}: {2}', t.extensionName ?? '', t.cluster.name, t.message)));
}

/** "flux", or "flux, flux-system" when the instances are named apart: what the title calls them. */
export function instanceNames(instances: readonly FleetInstance[]): string {
  return [...new Set(instances.map((i) => i.extension.name))].join(', ');
}

/** Clusters re-read at once after a fleet rollout: enough for the view, few enough for the read budget. */
const CONFIRM_CONCURRENCY = 8;

/**
 * Runs the rollout (summary, Retry the Failed Ones, Resume) and then reads each cluster written to once from Resource
 * Manager into the inventory, so the fleet view shows the outcome at once rather than when Resource Graph catches up.
 */
export async function runFleetRollout(services: ExtensionServices, record: RolloutRecord, req: ExtensionRequest): Promise<ReturnType<typeof rolloutOutcomes>> {
  await rolloutUntilDone(services, record, req, 'start');
  const limit = createLimiter(() => CONFIRM_CONCURRENCY);
  const written = record.targets.filter((t) => FINAL_STATES.includes(t.state) && !['skipped', 'notStarted', 'notChecked'].includes(t.state));
  await Promise.all(
    written.map((t) =>
      limit(async () => {
        services.access.invalidate(t.cluster.id);
        try {
          services.inventory.confirm(t.cluster, await services.access.listExtensions(t.cluster));
        } catch (err) {
          services.log.warn(`Could not re-read ${t.cluster.name} after a fleet rollout: ${String(err)}`);
        }
      }),
    ),
  );
  return rolloutOutcomes(record);
}
