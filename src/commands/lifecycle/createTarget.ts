import * as vscode from 'vscode';
import type { ClusterModel } from '../../azure/clusterModel';
import { createCommandLine } from '../../lifecycle/azCommandLine';
import { type ExtensionRequest, findExtensionType } from '../../shared';

/** What a target adds to the review of a request: the action that sends, the lines first listed, the az command(s). */
export interface TargetReview {
  readonly action: string;
  readonly lines: readonly string[];
  readonly azCommand: string;
}

/** Where the create wizard's request goes: one cluster (create) or several (deploy), which title and review speak of. */
export interface CreateTarget {
  /** The wizard's title, e.g. "Create an extension on aks-1". */
  readonly title: string;
  /** The cluster whose catalog of extension types and versions the questions offer. */
  readonly cluster: ClusterModel;
  /** Where Dapr may already be installed, for the question that asks: a cluster's name, or "the 3 clusters". */
  readonly where: string;
  /** The review of the request for this target, made when the wizard reaches its last step. */
  review(req: ExtensionRequest): Promise<TargetReview>;
}

/** The release namespace a cluster-scope request installs into: the one asked for, else the type's default by name when known. */
function releaseNamespaceText(req: ExtensionRequest): string {
  if (req.releaseNamespace) {
    return req.releaseNamespace;
  }
  const known = findExtensionType(req.extensionType)?.defaultReleaseNamespace;
  return known ? vscode.l10n.t('{0} (the type\'s default)', known) : vscode.l10n.t('(the type\'s default)');
}

/** What the review shows: everything that will be sent, protected settings by key only. */
export function describeRequest(req: ExtensionRequest): string[] {
  const lines = [
    vscode.l10n.t('Type: {0}', req.extensionType),
    vscode.l10n.t('Name: {0}', req.name),
    req.scope === 'namespace'
      ? vscode.l10n.t('Scope: namespace {0}', req.targetNamespace ?? '')
      : vscode.l10n.t('Scope: cluster, release namespace {0}', releaseNamespaceText(req)),
    req.autoUpgradeMinorVersion === false
      ? vscode.l10n.t('Version: {0}, no automatic upgrades', req.version ?? '')
      : vscode.l10n.t('Automatic minor upgrades on release train {0}', req.releaseTrain ?? 'stable'),
    ...Object.entries(req.configurationSettings ?? {}).map(([k, v]) => vscode.l10n.t('Setting {0} = {1}', k, v)),
    ...(req.configurationSettingsFile ? [vscode.l10n.t('Settings file: {0}', req.configurationSettingsFile)] : []),
    ...Object.keys(req.configurationProtectedSettings ?? {}).map((k) => vscode.l10n.t('Protected setting {0} (value hidden)', k)),
    ...(req.configurationProtectedSettingsFile ? [vscode.l10n.t('Protected settings file: {0}', req.configurationProtectedSettingsFile)] : []),
    ...(req.plan ? [vscode.l10n.t('Marketplace plan: {0} / {1} / {2}', req.plan.name ?? '', req.plan.product ?? '', req.plan.publisher ?? '')] : []),
    // Why no identity is asked: see src/azure/README.md.
    vscode.l10n.t('Identity: none sent (az sends none to AKS); AKS gives one in the cluster'),
  ];
  return lines;
}

/** One cluster: the create wizard as Create Extension… and Create from Settings File… run it. */
export function clusterTarget(cluster: ClusterModel): CreateTarget {
  return {
    title: vscode.l10n.t('Create an extension on {0}', cluster.name),
    cluster,
    where: cluster.name,
    review: (req) =>
      Promise.resolve({
        action: vscode.l10n.t('Create {0}', req.name),
        lines: [vscode.l10n.t('Creates {0} on {1} (resource group {2}, subscription {3}).', req.name, cluster.name, cluster.resourceGroup, cluster.subscriptionId), ...describeRequest(req)],
        azCommand: createCommandLine(cluster, req),
      }),
  };
}
