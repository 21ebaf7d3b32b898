import type { Extension } from '../azure/extensionModel';
import { clusterBlocker, type ClusterModel } from '../azure/clusterModel';

/** Why a cluster cannot take the extension now, or undefined when it can: checked before anything is sent. */
export function deployBlocker(cluster: ClusterModel, existing: readonly Extension[], name: string, extensionType: string): string | undefined {
  const blocker = clusterBlocker(cluster);
  if (blocker) {
    return `${blocker.reason} ${blocker.fix}`;
  }
  const sameName = existing.find((e) => e.name?.toLowerCase() === name.toLowerCase());
  if (sameName) {
    return `Already has an extension named ${name} (${sameName.extensionType ?? 'unknown type'}, ${sameName.provisioningState ?? 'unknown state'}).`;
  }
  const sameType = existing.find((e) => e.extensionType?.toLowerCase() === extensionType.toLowerCase());
  if (sameType) {
    return `Already has ${extensionType} installed as ${sameType.name ?? ''}.`;
  }
  return undefined;
}
