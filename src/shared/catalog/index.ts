import { appConfiguration } from './appConfiguration';
import { azureDefender } from './azureDefender';
import { azureml } from './azureml';
import { azureMonitorContainers } from './azureMonitorContainers';
import { azureMonitorMetrics } from './azureMonitorMetrics';
import { containerStorage } from './containerStorage';
import { dapr } from './dapr';
import { dataProtection } from './dataProtection';
import { entraWorkloadIam } from './entraWorkloadIam';
import type { ExtensionTypeInfo } from './extensionType';
import { flux } from './flux';
import { openServiceMesh } from './openServiceMesh';

/** Every extension type the tools know; add a file and a line here to teach them another. */
export const extensionTypes: readonly ExtensionTypeInfo[] = [
  azureml,
  dapr,
  flux,
  dataProtection,
  appConfiguration,
  containerStorage,
  azureMonitorContainers,
  azureDefender,
  openServiceMesh,
  azureMonitorMetrics,
  entraWorkloadIam,
];

const byName = new Map<string, ExtensionTypeInfo>();
for (const info of extensionTypes) {
  byName.set(info.type.toLowerCase(), info);
  for (const alias of info.aliases) byName.set(alias, info);
}

/** The catalog entry for a type string or a file-name alias, ignoring case. */
export function findExtensionType(type: string): ExtensionTypeInfo | undefined {
  return byName.get(type.trim().toLowerCase());
}
