/** Parts of an ARM resource id that the tree and the commands need. */
export interface ArmIdParts {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

/** Parses `/subscriptions/{s}/resourceGroups/{rg}/providers/.../{name}`; segment names are case-insensitive in ARM. */
export function parseArmId(id: string): ArmIdParts {
  const segments = id.split('/').filter((s) => s.length > 0);
  const valueAfter = (key: string): string => {
    const index = segments.findIndex((s) => s.toLowerCase() === key.toLowerCase());
    if (index < 0 || index + 1 >= segments.length) {
      throw new Error(`Not an Azure resource id: ${id}`);
    }
    return segments[index + 1];
  };
  return { subscriptionId: valueAfter('subscriptions'), resourceGroup: valueAfter('resourceGroups'), name: segments[segments.length - 1] };
}

/** The ARM id of an extension instance on a cluster. */
export function extensionIdOf(clusterId: string, extensionName: string): string {
  return `${clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/${extensionName}`;
}
