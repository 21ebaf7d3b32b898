import type { ClusterModel } from '../azure/clusterModel';
import { applyTypeDefaults, type ExtensionRequest, type RequestTarget } from '../shared';
import { requestSettings } from './extensionBody';

/** What the az CLI reads about the target cluster when it fills in a request (see applyTypeDefaults). */
export function requestTargetOf(cluster: ClusterModel, tenantId: string | undefined): RequestTarget {
  return {
    tenantId,
    clusterId: cluster.id,
    clusterName: cluster.name,
    location: cluster.location,
    ...(cluster.nodeCount !== undefined ? { nodeCount: cluster.nodeCount } : {}),
  };
}

/**
 * The request Azure receives: files read into entries as az reads them (so the type's defaults can complete them,
 * e.g. Dapr's skipExistingDaprCheck), then what the CLI fills in for the type and the target cluster.
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
