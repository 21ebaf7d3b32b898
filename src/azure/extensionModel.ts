/**
 * The extension instance as the tree and the commands use it: the properties of Microsoft.KubernetesConfiguration/extensions
 * API 2025-03-01 lifted beside the envelope (id, name, plan, identity, managedBy), as the Azure SDK's models lay them out.
 * extensionWire.ts converts from and to the wire shape; see README.md for why we do not use the SDK's own models.
 */

/** The API versions every call uses. */
export const EXTENSIONS_API_VERSION = '2025-03-01';
export const EXTENSION_TYPES_API_VERSION = '2026-05-01';

/** How the service upgrades an auto-upgrading extension: `compatible` is the service's default. */
export type AutoUpgradeMode = 'none' | 'patch' | 'compatible';
export const AUTO_UPGRADE_MODES: readonly AutoUpgradeMode[] = ['compatible', 'patch', 'none'];

export interface ErrorDetail {
  readonly code?: string;
  readonly message?: string;
  readonly target?: string;
  readonly details?: readonly ErrorDetail[];
}

export interface ExtensionStatus {
  code?: string | null;
  displayStatus?: string | null;
  level?: string | null;
  message?: string | null;
  time?: string | null;
}

export interface Scope {
  cluster?: { releaseNamespace?: string } | null;
  namespace?: { targetNamespace?: string } | null;
}

export interface Plan {
  name: string;
  product: string;
  publisher: string;
  promotionCode?: string;
  version?: string;
}

/** The extension resource's own identity: system-assigned, or user-assigned identities by resource id. */
export interface ExtensionIdentity {
  type?: 'SystemAssigned' | 'UserAssigned' | 'SystemAssigned,UserAssigned';
  readonly principalId?: string;
  readonly tenantId?: string;
  userAssignedIdentities?: Record<string, { readonly principalId?: string; readonly clientId?: string }>;
}

/** The identity AKS gives the extension inside the cluster. */
export interface AksAssignedIdentity {
  type?: string;
  readonly principalId?: string;
  readonly tenantId?: string;
  readonly objectId?: string | null;
  readonly clientId?: string | null;
}

/** Who may do what with an extension another service manages (e.g. Microsoft.ContainerService writes, users only read). */
export interface ManagementDetails {
  readonly category?: string;
  readonly accessDetails?: readonly { readonly entity?: string; readonly allowedActions?: readonly string[]; readonly description?: string }[];
}

/** Links the publisher provides. */
export interface AdditionalDetails {
  readonly docs?: string | null;
  readonly releaseNotes?: string | null;
  readonly troubleshootingGuide?: string | null;
}

export interface Extension {
  readonly id?: string;
  readonly name?: string;
  readonly type?: string;
  /** As on the wire: times are ISO 8601 strings. */
  readonly systemData?: {
    readonly createdBy?: string | null;
    readonly createdByType?: string | null;
    readonly createdAt?: string;
    readonly lastModifiedBy?: string | null;
    readonly lastModifiedByType?: string | null;
    readonly lastModifiedAt?: string;
  };
  identity?: ExtensionIdentity;
  plan?: Plan;
  /** The resource that manages this extension; set on create only. */
  managedBy?: string;
  extensionType?: string;
  autoUpgradeMinorVersion?: boolean;
  autoUpgradeMode?: AutoUpgradeMode | string;
  releaseTrain?: string;
  version?: string;
  scope?: Scope;
  configurationSettings?: Record<string, string>;
  configurationProtectedSettings?: Record<string, string>;
  readonly currentVersion?: string;
  readonly provisioningState?: string;
  statuses?: ExtensionStatus[] | null;
  readonly errorInfo?: ErrorDetail | null;
  readonly customLocationSettings?: Record<string, string> | null;
  readonly packageUri?: string | null;
  aksAssignedIdentity?: AksAssignedIdentity | null;
  readonly isSystemExtension?: boolean;
  readonly managementDetails?: ManagementDetails;
  readonly additionalDetails?: AdditionalDetails;
  readonly extensionState?: string | null;
}

/** A PATCH: only what it holds changes. */
export interface PatchExtension {
  autoUpgradeMinorVersion?: boolean;
  autoUpgradeMode?: AutoUpgradeMode;
  releaseTrain?: string;
  version?: string;
  configurationSettings?: Record<string, string>;
  configurationProtectedSettings?: Record<string, string>;
}
