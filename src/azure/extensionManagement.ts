import type { Extension } from './extensionModel';

/** Who manages an extension another service owns, and what users may do with it (API 2025-03-01 managementDetails). */
export interface ExtensionManagement {
  /** The managing resource's name (the last segment of managedBy), or the managing entity when there is no managedBy. */
  readonly manager: string;
  readonly managedBy?: string;
  /** The entities allowed to write, e.g. Microsoft.ContainerService. */
  readonly writers: readonly string[];
  /** False when users may only read: update, delete, recreate and copies are refused by Azure. */
  readonly usersMayWrite: boolean;
  /** Azure's own sentence about the users' access, when it gives one. */
  readonly usersDescription?: string;
}

const has = (actions: readonly string[] | undefined, action: string): boolean => (actions ?? []).some((a) => a.toLowerCase() === action);

/** The management of a managed extension, or undefined for one the user owns. */
export function extensionManagement(extension: Extension): ExtensionManagement | undefined {
  const access = extension.managementDetails?.accessDetails ?? [];
  if (!extension.managedBy && access.length === 0 && extension.managementDetails?.category?.toLowerCase() !== 'managed') {
    return undefined;
  }
  const users = access.find((a) => a.entity?.toLowerCase() === 'users');
  const writers = access.filter((a) => a !== users && has(a.allowedActions, 'write')).map((a) => a.entity ?? '');
  // With managedBy set and no access details, Azure still treats the resource as owned by its manager.
  const usersMayWrite = users ? has(users.allowedActions, 'write') : !extension.managedBy;
  const manager = extension.managedBy?.split('/').filter((s) => s.length > 0).pop() ?? writers[0] ?? 'another service';
  return { manager, managedBy: extension.managedBy, writers, usersMayWrite, usersDescription: users?.description?.trim() };
}

/** True when Azure would refuse the user's writes (update, delete, recreate) to this extension. */
export function isReadOnlyForUsers(extension: Extension): boolean {
  return extensionManagement(extension)?.usersMayWrite === false;
}

export type AdditionalLinkKind = 'docs' | 'releaseNotes' | 'troubleshootingGuide';

/**
 * The publisher's links (API 2025-03-01 additionalDetails) in a stable order. Only https links: they are shown as
 * clickable links, and the service's answer must not be able to smuggle in another scheme.
 */
export function additionalLinks(extension: Pick<Extension, 'additionalDetails'>): { readonly kind: AdditionalLinkKind; readonly url: string }[] {
  const details = extension.additionalDetails ?? {};
  return (['docs', 'releaseNotes', 'troubleshootingGuide'] as const)
    .map((kind) => ({ kind, url: details[kind] }))
    .filter((l): l is { kind: AdditionalLinkKind; url: string } => typeof l.url === 'string' && /^https:\/\/[^\s()]+$/i.test(l.url));
}
