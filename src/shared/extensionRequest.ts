/** What the create/update commands are about to send, in the CLI's terms. */
export interface ExtensionRequest {
  extensionType: string;
  name: string;
  scope?: 'cluster' | 'namespace';
  releaseNamespace?: string;
  targetNamespace?: string;
  autoUpgradeMinorVersion?: boolean;
  version?: string;
  releaseTrain?: string;
  configurationSettings?: Record<string, string>;
  configurationProtectedSettings?: Record<string, string>;
  configurationSettingsFile?: string;
  configurationProtectedSettingsFile?: string;
  plan?: { name?: string; product?: string; publisher?: string };
}
