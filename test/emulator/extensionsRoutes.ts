/*
 * Microsoft.KubernetesConfiguration/extensions, APIs 2025-03-01 and 2023-05-01 (…/extensions/stable/<version>/extensions.json):
 * an answer for 2023-05-01 leaves out what that version does not know (autoUpgradeMode, managedBy, managementDetails,
 * additionalDetails, extensionState). What real Azure does beyond the spec follows the az CLI's recorded tests (see
 * README.md): a create's Location header on the resource provider's regional host, a force delete answering 200 with
 * a body that is not an extension, the release train and namespace filled in by the service.
 * Protected settings are stored apart from the resource and never returned: the property is absent from every response.
 * PATCH semantics (written down in README.md): configurationSettings merge key by key, a null value removes the key;
 * configurationProtectedSettings, when present, replace the whole stored map, when absent (or null) are kept.
 */
import { randomUUID } from 'crypto';
import { ArmError, type ArmErrorDetail, conflictingOperation, notFound } from './armErrors';
import type { RouteContext } from './context';
import {
  catalogTypeFor,
  isObject,
  optionalBoolean,
  optionalString,
  requestProperties,
  resolveScope,
  settingsMap,
  validateExtensionName,
  validatePlan,
  validateVersioning,
} from './extensionValidation';
import { cancelOperationsOf, isBusy, type OperationKind, operationStatusBody, startOperation } from './longRunningOperations';
import { page } from './paging';
import { type ArmRequest, type ArmResponse, route, type Route } from './router';
import type { JsonObject } from './seed';
import { type ClusterRef, clusterIdOf, EXTENSION_RESOURCE_TYPE, type ExtensionBody, type ExtensionProperties, type StoredExtension } from './state';

const CLUSTER =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{clusterRp}/{clusterResourceName}/{clusterName}';
const EXTENSIONS = `${CLUSTER}/providers/Microsoft.KubernetesConfiguration/extensions`;
const EXTENSION = `${EXTENSIONS}/{extensionName}`;

/** The first API version with autoUpgradeMode, managedBy, managementDetails, additionalDetails and extensionState. */
const CURRENT_API = '2025-03-01';
const CURRENT_ONLY_PROPERTIES = ['autoUpgradeMode', 'managementDetails', 'additionalDetails', 'extensionState'];
const AUTO_UPGRADE_MODES = ['none', 'patch', 'compatible'];

/** What a force delete answers, byte for byte as the az CLI's recordings show it (an HTTP response object, serialized). */
const FORCE_DELETE_BODY = {
  version: '1.1',
  content: { headers: [] },
  statusCode: 200,
  reasonPhrase: 'OK',
  headers: [],
  trailingHeaders: [],
  requestMessage: null,
  isSuccessStatusCode: true,
};

/** Who the emulator says created or changed a resource (tokens are not parsed for it). */
const MODIFIED_BY = { by: 'emulator-user@contoso.com', byType: 'User' };

export function extensionsRoutes(ctx: RouteContext): Route[] {
  const clusterRef = (request: ArmRequest): ClusterRef => request.params as unknown as ClusterRef;
  const extensionId = (request: ArmRequest): string =>
    `${clusterIdOf(clusterRef(request))}/providers/${EXTENSION_RESOURCE_TYPE}/${request.params.extensionName}`;

  function existing(request: ArmRequest): StoredExtension {
    ctx.state.cluster(clusterRef(request));
    const found = ctx.state.findExtension(extensionId(request));
    if (!found) {
      throw notFound(extensionId(request), 'extension');
    }
    return found;
  }

  /** Starts the operation and answers with the Azure-AsyncOperation header the SDK's poller follows. */
  function accepted(request: ArmRequest, status: number, extension: StoredExtension, kind: OperationKind, failure?: ArmErrorDetail): ArmResponse {
    const operation = startOperation(ctx.state, extension, kind, ctx.settings.operationDelayMs, failure ?? takeInjectedFailure());
    const apiVersion = request.query.get('api-version') ?? '';
    const location = String(ctx.state.cluster(clusterRef(request)).location ?? 'eastus');
    return {
      status,
      body: kind === 'Delete' ? undefined : view(extension, request),
      headers: {
        'Azure-AsyncOperation': `${request.baseUrl}${operation.id}?api-version=${encodeURIComponent(apiVersion)}`,
        'x-ms-async-operation-timeout': 'PT48H',
        // Real creates name the resource provider's regional host here; clients must not follow it (see README.md).
        ...(kind === 'Create' ? { Location: `https://${location}.rp.kubernetesconfiguration.azure.com${extension.body.id}` } : {}),
      },
    };
  }

  function takeInjectedFailure(): ArmErrorDetail | undefined {
    if (!ctx.settings.failNextOperation) {
      return undefined;
    }
    ctx.settings.failNextOperation = false;
    return { code: 'ExtensionOperationFailed', message: 'The extension operation failed (failure injected through the emulator control API).' };
  }

  /** Failures the real service reports late, through the operation, rather than as a 400 (see README). */
  function installFailure(cluster: JsonObject, properties: ExtensionProperties): ArmErrorDetail | undefined {
    const clusterProps = (cluster.properties ?? {}) as JsonObject;
    const isAks = String(cluster.type).toLowerCase() === 'microsoft.containerservice/managedclusters';
    const identityType = (cluster.identity as JsonObject | undefined)?.type;
    if (isAks && (identityType === undefined || identityType === 'None')) {
      return {
        code: 'ExtensionOperationFailed',
        message: `Cluster extensions require a managed identity: the AKS cluster '${String(cluster.name)}' uses a service principal. Run 'az aks update --enable-managed-identity' on it and create the extension again.`,
      };
    }
    if ((clusterProps.powerState as JsonObject | undefined)?.code === 'Stopped') {
      return {
        code: 'ExtensionOperationFailed',
        message: `The cluster '${String(cluster.name)}' is stopped, so the extension agent cannot install '${properties.extensionType}'. Start it with 'az aks start' and retry.`,
      };
    }
    const settings = properties.configurationSettings;
    const isTrue = (k: string): boolean => String(settings[k]).toLowerCase() === 'true';
    if (properties.extensionType.toLowerCase() === 'microsoft.azureml.kubernetes' && !isTrue('enableTraining') && !isTrue('enableInference')) {
      return {
        code: 'ExtensionOperationFailed',
        message: "Helm installation failed: at least one of 'enableTraining' and 'enableInference' must be 'true' for Microsoft.AzureML.Kubernetes.",
      };
    }
    return undefined;
  }

  function list(request: ArmRequest): ArmResponse {
    const cluster = ctx.state.cluster(clusterRef(request));
    const all = ctx.state.extensionsOf(String(cluster.id)).map((e) => view(e, request));
    return { status: 200, body: page(all, request, ctx.settings.pageSize) };
  }

  function get(request: ArmRequest): ArmResponse {
    const extension = existing(request);
    const body = view(extension, request);
    if (ctx.settings.echoProtectedSettings) body.properties = { ...body.properties, configurationProtectedSettings: { ...extension.protectedSettings } };
    return { status: 200, body };
  }

  function create(request: ArmRequest): ArmResponse {
    const ref = clusterRef(request);
    const cluster = ctx.state.cluster(ref);
    validateExtensionName(request.params.extensionName);
    const body = isObject(request.body) ? request.body : {};
    const properties = requestProperties(request.body);
    const id = extensionId(request);
    const previous = ctx.state.findExtension(id);
    const extensionType = optionalString(properties, 'extensionType');
    if (!extensionType) {
      throw new ArmError(400, 'InvalidParameter', "'extensionType' is required to create an extension.", 'properties.extensionType');
    }
    if (previous) {
      refuseIfManaged(previous, 'Create');
    }
    if (previous && isBusy(previous)) {
      throw conflictingOperation('Create', id, previous.body.properties.provisioningState);
    }
    if (previous && previous.body.properties.extensionType.toLowerCase() !== extensionType.toLowerCase()) {
      throw new ArmError(400, 'InvalidParameter', `The extension type of '${id}' cannot be changed.`, 'properties.extensionType');
    }
    const type = catalogTypeFor(ctx.state.catalogType(extensionType), extensionType, ref);
    const autoUpgrade = optionalBoolean(properties, 'autoUpgradeMinorVersion') ?? true;
    const version = optionalString(properties, 'version');
    const releaseTrain = optionalString(properties, 'releaseTrain');
    validateVersioning(type, autoUpgrade, version, releaseTrain);
    const settings = settingsMap(properties.configurationSettings, 'properties.configurationSettings') ?? {};
    const protectedSettings = settingsMap(properties.configurationProtectedSettings, 'properties.configurationProtectedSettings') ?? {};
    const plan = validatePlan(body.plan);
    const now = new Date().toISOString();
    const newProperties: ExtensionProperties = {
      extensionType,
      autoUpgradeMinorVersion: autoUpgrade,
      releaseTrain: releaseTrain ?? 'Stable',
      version: version ?? null,
      scope: resolveScope(properties.scope, type),
      configurationSettings: withoutNulls(settings),
      provisioningState: 'Creating',
      currentVersion: previous?.body.properties.currentVersion ?? null,
      statuses: [],
      isSystemExtension: false,
      autoUpgradeMode: autoUpgradeModeOf(properties) ?? previous?.body.properties.autoUpgradeMode ?? 'compatible',
      extensionState: null,
    };
    const clusterIdentity = cluster.identity as JsonObject | undefined;
    if (String(cluster.type).toLowerCase() === 'microsoft.containerservice/managedclusters' && clusterIdentity) {
      newProperties.aksAssignedIdentity = previous?.body.properties.aksAssignedIdentity ?? {
        principalId: randomUUID(),
        tenantId: String(clusterIdentity.tenantId ?? ctx.state.subscription(ref.subscriptionId).tenantId),
        type: 'SystemAssigned',
      };
    }
    const extension: StoredExtension = {
      clusterId: String(cluster.id),
      body: {
        id: String(cluster.id) + `/providers/${EXTENSION_RESOURCE_TYPE}/${request.params.extensionName}`,
        name: request.params.extensionName,
        type: EXTENSION_RESOURCE_TYPE,
        ...(isObject(body.identity) ? { identity: withPrincipals(body.identity, String(ctx.state.subscription(ref.subscriptionId).tenantId)) } : {}),
        ...(plan ? { plan } : {}),
        ...(typeof (previous?.body.managedBy ?? body.managedBy) === 'string' ? { managedBy: previous?.body.managedBy ?? body.managedBy } : {}),
        systemData: systemData(previous?.body.systemData, now),
        properties: newProperties,
      },
      protectedSettings: withoutNulls(protectedSettings),
    };
    ctx.state.putExtension(extension);
    return accepted(request, previous ? 200 : 201, extension, previous ? 'Update' : 'Create', installFailure(cluster, newProperties));
  }

  function update(request: ArmRequest): ArmResponse {
    const extension = existing(request);
    const cluster = ctx.state.cluster(clusterRef(request));
    const patch = requestProperties(request.body);
    const current = extension.body.properties;
    refuseIfManaged(extension, 'Update');
    if (isBusy(extension)) {
      throw conflictingOperation('Update', extension.body.id, current.provisioningState);
    }
    const type = catalogTypeFor(ctx.state.catalogType(current.extensionType), current.extensionType, clusterRef(request));
    const autoUpgrade = optionalBoolean(patch, 'autoUpgradeMinorVersion') ?? current.autoUpgradeMinorVersion;
    const version = optionalString(patch, 'version');
    const releaseTrain = optionalString(patch, 'releaseTrain');
    validateVersioning(type, autoUpgrade, version, releaseTrain);
    const settingsPatch = settingsMap(patch.configurationSettings, 'properties.configurationSettings');
    const protectedPatch = settingsMap(patch.configurationProtectedSettings, 'properties.configurationProtectedSettings');

    const settings = { ...current.configurationSettings };
    for (const [k, v] of Object.entries(settingsPatch ?? {})) {
      if (v === null) {
        delete settings[k];
      } else {
        settings[k] = v;
      }
    }
    // Turning auto-upgrade off without a version pins the installed one; turning it on unpins.
    const newVersion = autoUpgrade ? null : (version ?? current.version ?? current.currentVersion);
    const next = {
      autoUpgradeMinorVersion: autoUpgrade,
      autoUpgradeMode: autoUpgradeModeOf(patch) ?? current.autoUpgradeMode,
      releaseTrain: releaseTrain ?? current.releaseTrain,
      version: newVersion,
      configurationSettings: settings,
    };
    const newProtected = protectedPatch ? withoutNulls(protectedPatch) : extension.protectedSettings;
    const unchanged =
      JSON.stringify(next) ===
        JSON.stringify({
          autoUpgradeMinorVersion: current.autoUpgradeMinorVersion,
          autoUpgradeMode: current.autoUpgradeMode,
          releaseTrain: current.releaseTrain,
          version: current.version,
          configurationSettings: current.configurationSettings,
        }) && JSON.stringify(newProtected) === JSON.stringify(extension.protectedSettings);
    if (unchanged) {
      return { status: 200, body: view(extension, request) };
    }
    Object.assign(current, next);
    extension.protectedSettings = newProtected;
    extension.body.systemData = systemData(extension.body.systemData, new Date().toISOString());
    return accepted(request, 202, extension, 'Update', installFailure(cluster, current));
  }

  function remove(request: ArmRequest): ArmResponse {
    ctx.state.cluster(clusterRef(request));
    const extension = ctx.state.findExtension(extensionId(request));
    if (!extension) {
      return { status: 204 };
    }
    refuseIfManaged(extension, 'Delete');
    if (request.query.get('forceDelete')?.toLowerCase() === 'true') {
      cancelOperationsOf(ctx.state, extension.body.id);
      ctx.state.deleteExtension(extension.body.id);
      return { status: 200, body: structuredClone(FORCE_DELETE_BODY) };
    }
    if (isBusy(extension)) {
      throw conflictingOperation('Delete', extension.body.id, extension.body.properties.provisioningState);
    }
    return accepted(request, 202, extension, 'Delete');
  }

  function operationStatus(request: ArmRequest): ArmResponse {
    ctx.state.cluster(clusterRef(request));
    const id = `${extensionId(request)}/operations/${request.params.operationId}`;
    const operation = ctx.state.findOperation(id);
    if (!operation) {
      throw notFound(id, 'operation');
    }
    return { status: 200, body: operationStatusBody(operation) };
  }

  return [
    route('GET', EXTENSIONS, list),
    route('GET', EXTENSION, get),
    route('PUT', EXTENSION, create),
    route('PATCH', EXTENSION, update),
    route('DELETE', EXTENSION, remove),
    route('GET', `${EXTENSION}/operations/{operationId}`, operationStatus),
  ];
}

/**
 * A copy for the wire in the request's API version: protected settings live outside the body, so nothing secret can
 * leak from here; the 2025-03-01 properties only go to clients of that version or later.
 */
function view(extension: StoredExtension, request: ArmRequest): ExtensionBody {
  const body = structuredClone(extension.body);
  if ((request.query.get('api-version') ?? '') < CURRENT_API) {
    delete body.managedBy;
    for (const key of CURRENT_ONLY_PROPERTIES) {
      delete body.properties[key];
    }
  }
  return body;
}

/** A managed extension accepts writes only from its manager: users may read it (managementDetails says so). */
function refuseIfManaged(extension: StoredExtension, action: OperationKind): void {
  const details = extension.body.properties.managementDetails as { accessDetails?: { entity?: string; allowedActions?: string[]; description?: string }[] } | undefined;
  const users = details?.accessDetails?.find((d) => d.entity?.toLowerCase() === 'users');
  if (users && !(users.allowedActions ?? []).some((a) => a.toLowerCase() === 'write')) {
    throw new ArmError(
      400,
      'OperationNotAllowed',
      `${action} of '${extension.body.id}' is not allowed: the extension is managed by '${String(extension.body.managedBy ?? 'another service')}'. ${users.description ?? ''}`.trim(),
    );
  }
}

/** autoUpgradeMode as sent (API 2025-03-01), or undefined; 400 for a value the service does not know. */
function autoUpgradeModeOf(properties: JsonObject): string | undefined {
  const mode = optionalString(properties, 'autoUpgradeMode');
  if (mode !== undefined && !AUTO_UPGRADE_MODES.includes(mode.toLowerCase())) {
    throw new ArmError(400, 'InvalidParameter', `'autoUpgradeMode' must be one of ${AUTO_UPGRADE_MODES.join(', ')}.`, 'properties.autoUpgradeMode');
  }
  return mode?.toLowerCase();
}

/** The identity as the service answers it: a principal for a system-assigned identity, principal and client ids for user-assigned ones. */
function withPrincipals(identity: JsonObject, tenantId: string): JsonObject {
  const answer: JsonObject = { ...identity };
  if (String(identity.type).includes('SystemAssigned')) {
    Object.assign(answer, { principalId: randomUUID(), tenantId });
  }
  if (isObject(identity.userAssignedIdentities)) {
    answer.userAssignedIdentities = Object.fromEntries(Object.keys(identity.userAssignedIdentities).map((id) => [id, { principalId: randomUUID(), clientId: randomUUID() }]));
  }
  return answer;
}

function withoutNulls(map: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).filter((entry): entry is [string, string] => entry[1] !== null));
}

function systemData(previous: JsonObject | undefined, now: string): JsonObject {
  return {
    createdBy: previous?.createdBy ?? MODIFIED_BY.by,
    createdByType: previous?.createdByType ?? MODIFIED_BY.byType,
    createdAt: previous?.createdAt ?? now,
    lastModifiedBy: MODIFIED_BY.by,
    lastModifiedByType: MODIFIED_BY.byType,
    lastModifiedAt: now,
  };
}
