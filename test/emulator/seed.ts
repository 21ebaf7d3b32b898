/*
 * Seed data of the emulator (fixtures/seed.json; described for test authors in README.md — names are stable, tests
 * of other folders rely on them):
 * - tenants Contoso (4a1b7c2d-…) and Fabrikam (9e8d7c6b-…);
 * - subscriptions "Contoso Production" 6b0a3f2e-8c1d-4e5f-9a7b-2c3d4e5f6a7b and "Contoso Dev/Test"
 *   3f9e2d1c-7b6a-4c5d-8e9f-0a1b2c3d4e5f (tenant Contoso), "Fabrikam Platform" c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f (Fabrikam);
 * - seven AKS clusters (one Stopped, one service-principal cluster without managed identity, one without extensions)
 *   and one Arc connected cluster;
 * - extensions of every common type in Succeeded, Failed (errorInfo + statuses), Creating and Deleting; the Creating and
 *   Deleting ones stay so until a test moves them (force delete, or reset), because no operation is running for them;
 * - the extension-types catalog with versions per release train.
 * `extraSeed` (an emulator option) is appended to it, e.g. by the spec-example tests.
 */
import * as fs from 'fs';
import * as path from 'path';

export type JsonObject = Record<string, unknown>;

export interface SeedResourceGroup {
  subscriptionId: string;
  name: string;
  location: string;
}

export interface SeedExtension {
  /** ARM id of the cluster (managedClusters or connectedClusters) the extension is installed on. */
  clusterId: string;
  name: string;
  /** Extension properties as the API returns them, plus `configurationProtectedSettings`, stored but never returned. */
  properties: JsonObject;
  systemData?: JsonObject;
  plan?: JsonObject;
  identity?: JsonObject;
  /** The resource that manages the extension (API 2025-03-01); its `managementDetails` say who may change it. */
  managedBy?: string;
}

export interface CatalogExtensionType {
  /** Extension type name, matched case-insensitively (as the service does). */
  name: string;
  /** ExtensionType.properties as the catalog API returns it. */
  properties: JsonObject;
  /** Release train (case-insensitive) -> versions, oldest first. */
  releaseTrains: Record<string, string[]>;
  /** Per-version properties merged into the version resource (e.g. unsupportedKubernetesVersions). */
  versionProperties?: JsonObject;
  /** Properties of single versions, merged over versionProperties (e.g. the Kubernetes versions one version does not run on). */
  versionOverrides?: Record<string, JsonObject>;
}

export interface SeedData {
  /** Tenant bodies as GET /tenants returns them. */
  tenants: JsonObject[];
  /** Subscription bodies as GET /subscriptions returns them. */
  subscriptions: JsonObject[];
  resourceGroups: SeedResourceGroup[];
  /** Cluster bodies as GET returns them; their ids say subscription, resource group and cluster type. */
  clusters: JsonObject[];
  extensions: SeedExtension[];
  extensionTypes: CatalogExtensionType[];
}

/** fixtures/seed.json beside this file, or, when running compiled from out/test/emulator, in the source tree. */
export function defaultSeedFile(): string {
  const besideSource = path.join(__dirname, 'fixtures', 'seed.json');
  return fs.existsSync(besideSource) ? besideSource : path.join(__dirname, '..', '..', '..', 'test', 'emulator', 'fixtures', 'seed.json');
}

const SEED_KEYS: (keyof SeedData)[] = ['tenants', 'subscriptions', 'resourceGroups', 'clusters', 'extensions', 'extensionTypes'];

export function loadSeed(file: string = defaultSeedFile()): SeedData {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) {
    throw new Error(`Seed file ${file} must hold a JSON object`);
  }
  const data = parsed as Partial<SeedData>;
  for (const key of SEED_KEYS) {
    if (!Array.isArray(data[key])) {
      throw new Error(`Seed file ${file}: "${key}" must be an array`);
    }
  }
  return data as SeedData;
}

/** The seed with `extra` appended (arrays concatenated); neither input is modified. */
export function mergeSeed(base: SeedData, extra: Partial<SeedData> | undefined): SeedData {
  const merged = { ...base };
  for (const key of SEED_KEYS) {
    const more = extra?.[key];
    if (more) {
      (merged[key] as unknown[]) = [...base[key], ...more];
    }
  }
  return merged;
}
