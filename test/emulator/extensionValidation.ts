/*
 * What the extensions service rejects up front with 400 (the CLI checks most of these too, but the emulator must answer
 * clients that do not). Everything here throws ArmError InvalidParameter with `target` naming the property.
 */
import { ArmError, invalidParameter } from './armErrors';
import type { CatalogExtensionType, JsonObject } from './seed';
import type { ClusterRef } from './state';

const NAME = /^[a-zA-Z0-9]([-a-zA-Z0-9._]{0,251}[a-zA-Z0-9])?$/;

export function validateExtensionName(name: string): void {
  if (!NAME.test(name)) {
    throw new ArmError(
      400,
      'InvalidResourceName',
      `The extension name '${name}' is invalid: use 1 to 253 letters, digits, '-', '.' or '_', starting and ending with a letter or digit.`,
      'extensionName',
    );
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request's `properties` object (absent = empty); 400 InvalidRequestContent when the body is not an object. */
export function requestProperties(body: unknown): JsonObject {
  if (!isObject(body) || (body.properties !== undefined && !isObject(body.properties))) {
    throw new ArmError(400, 'InvalidRequestContent', 'The request content was invalid: expected a JSON object with an object "properties".');
  }
  return body.properties ?? {};
}

/** A settings map as sent: string values, or null (PATCH: remove the key). Absent or null map: undefined. */
export function settingsMap(value: unknown, target: string): Record<string, string | null> | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!isObject(value) || Object.values(value).some((v) => v !== null && typeof v !== 'string')) {
    throw invalidParameter(`'${target}' must be an object whose values are strings.`, target);
  }
  return value as Record<string, string | null>;
}

export function optionalBoolean(properties: JsonObject, name: string): boolean | undefined {
  const value = properties[name];
  if (value !== undefined && value !== null && typeof value !== 'boolean') {
    throw invalidParameter(`'${name}' must be a boolean.`, `properties.${name}`);
  }
  return value ?? undefined;
}

export function optionalString(properties: JsonObject, name: string): string | undefined {
  const value = properties[name];
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw invalidParameter(`'${name}' must be a string.`, `properties.${name}`);
  }
  return value ?? undefined;
}

export function catalogTypeFor(type: CatalogExtensionType | undefined, extensionType: string, cluster: ClusterRef): CatalogExtensionType {
  if (!type) {
    throw invalidParameter(
      `Extension type '${extensionType}' is not registered with Microsoft.KubernetesConfiguration; check the name against the extension types catalog.`,
      'properties.extensionType',
    );
  }
  const supported = (type.properties.supportedClusterTypes as string[] | undefined) ?? [];
  // The spec's examples spell cluster types both singular and plural ("connectedCluster", "connectedClusters").
  const singular = (s: string): string => s.toLowerCase().replace(/s$/, '');
  if (supported.length > 0 && !supported.some((s) => singular(s) === singular(cluster.clusterResourceName))) {
    throw invalidParameter(
      `Extension type '${extensionType}' cannot be installed on ${cluster.clusterRp}/${cluster.clusterResourceName}; it supports: ${supported.join(', ')}.`,
      'properties.extensionType',
    );
  }
  return type;
}

/**
 * Since API 2023-05-01 a pinned version needs auto-upgrade off. A release train with auto-upgrade off is accepted: the
 * az CLI sends one for Dapr, and the recorded answer is 201 (tests/latest/recordings/test_k8s_extension.yaml of the
 * CLI: autoUpgradeMinorVersion false, releaseTrain stable, version 1.6.0).
 */
export function validateVersioning(
  type: CatalogExtensionType,
  autoUpgrade: boolean,
  version: string | undefined,
  releaseTrain: string | undefined,
): void {
  if (version !== undefined && autoUpgrade) {
    throw invalidParameter(
      "'version' can only be set when 'autoUpgradeMinorVersion' is false (it defaults to true).",
      'properties.version',
    );
  }
  const trains = Object.entries(type.releaseTrains);
  if (releaseTrain !== undefined && !trains.some(([train]) => train.toLowerCase() === releaseTrain.toLowerCase())) {
    throw invalidParameter(
      `Release train '${releaseTrain}' does not exist for extension type '${type.name}'; known: ${trains.map(([t]) => t).join(', ')}.`,
      'properties.releaseTrain',
    );
  }
  if (version !== undefined && !trains.some(([, versions]) => versions.includes(version))) {
    throw invalidParameter(`Version '${version}' of extension type '${type.name}' does not exist.`, 'properties.version');
  }
}

/** The scope as sent, or the catalog's default cluster scope; 400 for both scopes or a namespace scope without target. */
export function resolveScope(value: unknown, type: CatalogExtensionType): JsonObject {
  if (value !== undefined && value !== null && !isObject(value)) {
    throw invalidParameter("'scope' must be an object.", 'properties.scope');
  }
  const scope = value ?? {};
  if (isObject(scope.cluster) && isObject(scope.namespace)) {
    throw invalidParameter('The scope must be either cluster or namespace, not both.', 'properties.scope');
  }
  if (isObject(scope.namespace)) {
    if (typeof scope.namespace.targetNamespace !== 'string' || scope.namespace.targetNamespace === '') {
      throw invalidParameter('A namespace scope needs targetNamespace.', 'properties.scope.namespace.targetNamespace');
    }
    return { namespace: { targetNamespace: scope.namespace.targetNamespace } };
  }
  const supported = type.properties.supportedScopes as JsonObject | undefined;
  const clusterSettings = (supported?.clusterScopeSettings as JsonObject | undefined)?.properties as JsonObject | undefined;
  const releaseNamespace = isObject(scope.cluster) && typeof scope.cluster.releaseNamespace === 'string'
    ? scope.cluster.releaseNamespace
    : String(clusterSettings?.defaultReleaseNamespace ?? 'default');
  return { cluster: { releaseNamespace } };
}

export function validatePlan(plan: unknown): JsonObject | undefined {
  if (plan === undefined || plan === null) {
    return undefined;
  }
  if (!isObject(plan) || !['name', 'product', 'publisher'].every((k) => typeof plan[k] === 'string' && plan[k] !== '')) {
    throw invalidParameter("A Marketplace plan needs all of 'name', 'product' and 'publisher'.", 'plan');
  }
  return plan;
}
