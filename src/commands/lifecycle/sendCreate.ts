import * as vscode from 'vscode';
import { beginCreateExtension } from '../../azure/extensionOperations';
import { requestSettings, toExtensionBody } from '../../lifecycle/extensionBody';
import { applyTypeDefaults, type ExtensionRequest, type RequestTarget, validateExtensionRequest, type ValidateRequestOptions } from '../../shared';
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
 * The request Azure receives: files read into entries (so the type's defaults can complete them, e.g. Dapr's
 * skipExistingDaprCheck), then what the CLI fills in for the type.
 */
export function requestToSend(req: ExtensionRequest, target: RequestTarget): ExtensionRequest {
  const settings = requestSettings(req, false);
  const protectedSettings = requestSettings(req, true);
  const { configurationSettingsFile, configurationProtectedSettingsFile, ...rest } = req;
  return applyTypeDefaults({
    ...rest,
    configurationSettings: Object.keys(settings).length > 0 || configurationSettingsFile ? settings : undefined,
    configurationProtectedSettings: Object.keys(protectedSettings).length > 0 || configurationProtectedSettingsFile ? protectedSettings : undefined,
  }, target);
}

/**
 * Validates, checks for a conflict, sends the PUT and follows it; the new node shows Creating as soon as Azure accepts.
 * `options` as for validateExtensionRequest (a recreate validates the settings as Azure stores them).
 */
export async function sendCreate(services: ExtensionServices, clusterNode: ClusterNode, req: ExtensionRequest, options?: ValidateRequestOptions): Promise<TrackedOutcome> {
  const cluster = clusterNode.cluster;
  const action = vscode.l10n.t('Create {0} on {1}', req.name, cluster.name);
  ensureValidRequest(req, action, undefined, options);
  const toSend = requestToSend(req, { tenantId: clusterNode.parent.subscription.tenantId });
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
