/*
 * The one Resource Graph query of the fleet inventory and the row it returns: one row per managed cluster (`Resources`),
 * its extensions (`KubernetesConfigurationResources`) gathered into a list by a leftouter join, so a cluster without any
 * extension is there too (its list empty). One row per cluster keeps a 1,000-cluster fleet on one 1,000-row page.
 * Resource Graph stores extension properties in either casing depending on the writer (the public docs query
 * `properties.ExtensionType`), so each is read both ways. Rows are ordered by cluster id: paging with $skipToken needs a
 * stable order. The local emulator recognises this exact text. A new field is one more pair in pack() and in
 * InventoryExtension.
 */
export const INVENTORY_QUERY = [
  'Resources',
  "| where type =~ 'microsoft.containerservice/managedclusters'",
  '| project clusterId = tolower(id), clusterName = name, subscriptionId, resourceGroup, location, tags,',
  '    kubernetesVersion = tostring(coalesce(properties.currentKubernetesVersion, properties.kubernetesVersion)),',
  '    powerState = tostring(properties.powerState.code), identityType = tostring(identity.type),',
  '    servicePrincipalClientId = tostring(properties.servicePrincipalProfile.clientId)',
  '| join kind=leftouter (',
  '    KubernetesConfigurationResources',
  "    | where type =~ 'microsoft.kubernetesconfiguration/extensions'",
  "    | parse tolower(id) with clusterId '/providers/microsoft.kubernetesconfiguration/extensions/' *",
  "    | project clusterId, extension = pack('id', id, 'name', name,",
  "        'extensionType', tostring(coalesce(properties.extensionType, properties.ExtensionType)),",
  "        'provisioningState', tostring(coalesce(properties.provisioningState, properties.ProvisioningState)),",
  "        'currentVersion', tostring(coalesce(properties.currentVersion, properties.CurrentVersion)),",
  "        'version', tostring(coalesce(properties.version, properties.Version)),",
  "        'autoUpgradeMinorVersion', tobool(coalesce(properties.autoUpgradeMinorVersion, properties.AutoUpgradeMinorVersion)),",
  "        'autoUpgradeMode', tostring(coalesce(properties.autoUpgradeMode, properties.AutoUpgradeMode)),",
  "        'managedBy', tostring(managedBy),",
  "        'releaseTrain', tostring(coalesce(properties.releaseTrain, properties.ReleaseTrain)),",
  "        'errorMessage', tostring(coalesce(properties.errorInfo.message, properties.ErrorInfo.Message)),",
  "        'lastModifiedAt', tostring(systemData.lastModifiedAt))",
  '    | summarize extensions = make_list(extension) by clusterId',
  ') on clusterId',
  '| project-away clusterId1',
  '| order by clusterId asc',
].join('\n');

/** One extension in a row's list; Resource Graph gives '' (not null) for an empty tostring(). */
export interface InventoryExtension {
  id: string;
  name: string;
  extensionType?: string;
  provisioningState?: string;
  currentVersion?: string;
  version?: string;
  autoUpgradeMinorVersion?: boolean | null;
  /** none / patch / compatible (API 2025-03-01); '' when the resource predates it. */
  autoUpgradeMode?: string;
  /** The resource that manages this extension (e.g. an AKS add-on), '' for none. */
  managedBy?: string;
  releaseTrain?: string;
  errorMessage?: string;
  lastModifiedAt?: string;
}

/** One row of INVENTORY_QUERY's answer: a managed cluster and its extensions (null or [] when it has none). */
export interface InventoryRow {
  clusterId: string;
  clusterName: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  tags?: Record<string, string> | null;
  kubernetesVersion?: string;
  powerState?: string;
  identityType?: string;
  servicePrincipalClientId?: string;
  extensions?: InventoryExtension[] | null;
}

/** The query text with whitespace runs folded, so that re-indenting it does not change what it means. */
export function normalizedQuery(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}
