/*
 * Microsoft.KubernetesConfiguration/extensions, API 2023-05-01 (arm-spec …/extensions/stable/2023-05-01/extensions.json).
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
    return {
      status,
      body: kind === 'Delete' ? undefined : view(extension),
      headers: {
        'Azure-AsyncOperation': `${request.baseUrl}${operation.id}?api-version=${encodeURIComponent(apiVersion)}`,
        'x-ms-async-operation-timeout': 'PT48H',
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
    const all = ctx.state.extensionsOf(String(cluster.id)).map(view);
    return { status: 200, body: page(all, request, ctx.settings.pageSize) };
  }

  function get(request: ArmRequest): ArmResponse {
    const extension = existing(request);
    const body = view(extension);
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
        ...(isObject(body.identity) ? { identity: body.identity } : {}),
        ...(plan ? { plan } : {}),
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
      releaseTrain: releaseTrain ?? current.releaseTrain,
      version: newVersion,
      configurationSettings: settings,
    };
    const newProtected = protectedPatch ? withoutNulls(protectedPatch) : extension.protectedSettings;
    const unchanged =
      JSON.stringify(next) ===
        JSON.stringify({
          autoUpgradeMinorVersion: current.autoUpgradeMinorVersion,
          releaseTrain: current.releaseTrain,
          version: current.version,
          configurationSettings: current.configurationSettings,
        }) && JSON.stringify(newProtected) === JSON.stringify(extension.protectedSettings);
    if (unchanged) {
      return { status: 200, body: view(extension) };
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
    if (request.query.get('forceDelete')?.toLowerCase() === 'true') {
      cancelOperationsOf(ctx.state, extension.body.id);
      ctx.state.deleteExtension(extension.body.id);
      return { status: 200 };
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

/** A copy for the wire: protected settings live outside the body, so nothing secret can leak from here. */
function view(extension: StoredExtension): ExtensionBody {
  return structuredClone(extension.body);
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
