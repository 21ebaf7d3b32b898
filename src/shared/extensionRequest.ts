/** What the create/update commands are about to send, in the CLI's terms. */
export interface ExtensionRequest {
  extensionType: string;
  name: string;
  scope?: 'cluster' | 'namespace';
  releaseNamespace?: string;
  targetNamespace?: string;
  autoUpgradeMinorVersion?: boolean;
  /** API 2025-03-01: how an auto-upgrading extension upgrades; absent = the service's default, compatible. No az flag sets it. */
  autoUpgradeMode?: 'none' | 'patch' | 'compatible';
  version?: string;
  releaseTrain?: string;
  configurationSettings?: Record<string, string>;
  configurationProtectedSettings?: Record<string, string>;
  configurationSettingsFile?: string;
  configurationProtectedSettingsFile?: string;
  plan?: { name?: string; product?: string; publisher?: string };
}
