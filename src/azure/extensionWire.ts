import type { Extension, PatchExtension } from './extensionModel';

/** The JSON of an extension resource on the wire: the envelope, with the rest under `properties`. */
export interface ExtensionWireBody {
  id?: string;
  name?: string;
  type?: string;
  systemData?: Record<string, unknown>;
  identity?: unknown;
  plan?: unknown;
  managedBy?: string;
  properties?: Record<string, unknown>;
}

/** Envelope keys of the extension resource; every other key of the model lives under `properties`. */
const ENVELOPE_KEYS = ['id', 'name', 'type', 'systemData', 'identity', 'plan', 'managedBy'] as const;
/** Read-only properties the service ignores (or rejects) in a request. */
const READ_ONLY_PROPERTIES = new Set([
  'currentVersion',
  'provisioningState',
  'errorInfo',
  'customLocationSettings',
  'packageUri',
  'isSystemExtension',
  'managementDetails',
  'additionalDetails',
  'extensionState',
]);

/** The model of a resource Azure returned; unknown properties of a newer service are kept, not dropped. */
export function extensionFromWire(body: ExtensionWireBody): Extension {
  const extension: Record<string, unknown> = { ...(body.properties ?? {}) };
  for (const key of ENVELOPE_KEYS) {
    if (body[key] !== undefined) {
      extension[key] = body[key];
    }
  }
  return extension as Extension;
}

/** The body of a PUT: the envelope keys a client may set, and the writable properties. */
export function extensionToWire(extension: Extension): ExtensionWireBody {
  const body: ExtensionWireBody = {};
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extension)) {
    if (value === undefined || READ_ONLY_PROPERTIES.has(key) || key === 'id' || key === 'name' || key === 'type' || key === 'systemData') {
      continue;
    }
    if (key === 'identity' || key === 'plan' || key === 'managedBy') {
      (body as Record<string, unknown>)[key] = value;
    } else {
      properties[key] = value;
    }
  }
  body.properties = properties;
  return body;
}

/** The body of a PATCH. */
export function patchToWire(patch: PatchExtension): { properties: Record<string, unknown> } {
  return { properties: Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
}
