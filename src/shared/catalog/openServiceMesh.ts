import { booleanValue, type ExtensionTypeInfo } from './extensionType';

// Facts from the az k8s-extension OpenServiceMesh partner class.
export const openServiceMesh: ExtensionTypeInfo = {
  type: 'microsoft.openservicemesh',
  displayName: 'Open Service Mesh',
  aliases: ['osm'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'arc-osm-system',
  releaseTrains: ['pilot', 'staging', 'stable'],
  keysCaseSensitive: true,
  openKeySet: true,
  docsUrl: 'https://learn.microsoft.com/azure/azure-arc/kubernetes/tutorial-arc-enabled-open-service-mesh',
  // The partner class checks tested distributions only on Arc clusters; on AKS it sends what it is given, at cluster scope.
  cliClusterScope: true,
  keys: [
    { key: 'osm.osm.enablePermissiveTrafficPolicy', doc: 'Allows traffic between meshed services without SMI policies.', default: 'false', value: booleanValue },
    { key: 'osm.osm.enableEgress', doc: 'Allows meshed pods to reach services outside the mesh.', default: 'false', value: booleanValue },
  ],
  rules: [],
};
