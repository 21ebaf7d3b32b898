import * as vscode from 'vscode';
import { beginCreateExtension } from '../../azure/extensionOperations';
import { createCommandLine } from '../../lifecycle/azCommandLine';
import { toExtensionBody } from '../../lifecycle/extensionBody';
import { requestTargetOf, requestToSend } from '../../lifecycle/requestToSend';
import { type ExtensionRequest, validateExtensionRequest, type ValidateRequestOptions } from '../../shared';
import type { ClusterNode } from '../../tree/treeNodes';
import { UserFacingError } from '../registerCommand';
import type { ExtensionServices } from '../services';
import { findExtension } from '../../azure/extensionOperations';
import { catalogReasons, ensureNoRunningOperation, ensureUserMayWrite } from './clusterChecks';
import { pollOptions, type TrackedOutcome, trackOperation } from './trackOperation';

/** The shared rules' findings on a request, as the review lists them; `onlyKeys` and `options` as for ensureValidRequest. */
export function checkRequest(req: ExtensionRequest, onlyKeys?: ReadonlySet<string>, options?: ValidateRequestOptions): { errors: string[]; warnings: string[] } {
  const problems = validateExtensionRequest(req, options).filter((p) => !onlyKeys || (p.key !== undefined ? onlyKeys.has(p.key) : !p.field?.startsWith('configuration')));
  return {
    errors: problems.filter((p) => p.severity === 'error').map((p) => (p.key ? `${p.key}: ${p.message}` : p.message)),
    // A review line has room for one sentence: the rules' warnings name their key themselves.
    warnings: problems.filter((p) => p.severity === 'warning').map((p) => p.message),
  };
}

/**
 * Runs the shared rules on the request and its files; errors stop with the messages the language server shows, and
 * the warnings are returned for the review to list. With `onlyKeys`, settings problems count only for those keys (an
 * update judges what it changes).
 */
export function ensureValidRequest(req: ExtensionRequest, action: string, onlyKeys?: ReadonlySet<string>, options?: ValidateRequestOptions): string[] {
  const { errors, warnings } = checkRequest(req, onlyKeys, options);
  if (errors.length > 0) {
    throw new UserFacingError(vscode.l10n.t('{0}: nothing was sent. {1}', action, errors.join(' ')));
  }
  return warnings;
}

/**
 * Where az would create other Azure resources (or fetch keys) before the extension, nothing is sent: the user gets
 * what az would do and the az command to run for this cluster.
 */
function stopWhereAzCreatesResources(req: ExtensionRequest, cluster: ClusterNode['cluster'], action: string, options?: ValidateRequestOptions): void {
  const stop = validateExtensionRequest(req, options).find((p) => p.code === 'request/az-creates-resources');
  if (stop) throw new UserFacingError(vscode.l10n.t('{0}: nothing was sent. {1} The az command: {2}', action, stop.message, createCommandLine(cluster, req)));
}

/**
 * Validates, checks for a conflict, sends the PUT and follows it; the new node shows Creating as soon as Azure accepts.
 * `options` as for validateExtensionRequest (a recreate validates the settings as Azure stores them).
 */
export async function sendCreate(services: ExtensionServices, clusterNode: ClusterNode, req: ExtensionRequest, options?: ValidateRequestOptions): Promise<TrackedOutcome> {
  const cluster = clusterNode.cluster;
  const action = vscode.l10n.t('Create {0} on {1}', req.name, cluster.name);
  stopWhereAzCreatesResources(req, cluster, action, options);
  ensureValidRequest(req, action, undefined, options);
  const toSend = requestToSend(req, requestTargetOf(cluster, clusterNode.parent.subscription.tenantId));
  const existing = await findExtension(services.access, cluster, toSend.name);
  if (existing) {
    ensureUserMayWrite(existing, cluster);
    ensureNoRunningOperation(existing, cluster);
    throw new UserFacingError(vscode.l10n.t('{0} already exists on {1}: update it, or delete it first.', toSend.name, cluster.name));
  }
  const reasons = await catalogReasons(services, cluster, {
    extensionType: toSend.extensionType,
    name: toSend.name,
    version: toSend.autoUpgradeMinorVersion === false ? toSend.version : undefined,
    releaseTrain: toSend.releaseTrain,
  });
  if (reasons.length > 0) {
    throw new UserFacingError(vscode.l10n.t('{0}: nothing was sent. {1}', action, reasons.join(' ')));
  }
  const operation = await beginCreateExtension(services.access, cluster, toSend.name, toExtensionBody(toSend), pollOptions());
  return trackOperation(services, {
    clusterNode,
    extensionName: toSend.name,
    action,
    progressTitle: vscode.l10n.t('Creating {0} on {1}', toSend.name, cluster.name),
    successMessage: vscode.l10n.t('{0} was created on {1}.', toSend.name, cluster.name),
    operation,
  });
}
