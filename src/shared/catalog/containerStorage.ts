import { booleanValue, type ExtensionTypeInfo } from './extensionType';

// Facts from the Azure Container Storage docs (installed as an AKS cluster extension).
export const containerStorage: ExtensionTypeInfo = {
  type: 'microsoft.azurecontainerstorage',
  displayName: 'Azure Container Storage',
  aliases: ['containerstorage', 'acstor'],
  scopes: ['cluster'],
  defaultReleaseNamespace: 'acstor',
  releaseTrains: ['stable', 'preview'],
  keysCaseSensitive: true,
  openKeySet: true,
  docsUrl: 'https://learn.microsoft.com/azure/storage/container-storage/container-storage-introduction',
  keys: [
    { key: 'cli.storagePool.create', doc: 'Creates a storage pool when the extension is installed.', value: booleanValue },
    { key: 'cli.storagePool.name', doc: 'Name of the storage pool to create.' },
    { key: 'cli.storagePool.type', doc: 'Backing storage of the pool.', value: { kind: 'enum', values: ['azureDisk', 'ephemeralDisk', 'elasticSan'] } },
    { key: 'cli.storagePool.size', doc: 'Capacity of the storage pool, e.g. 1Ti.' },
  ],
  rules: [],
};
