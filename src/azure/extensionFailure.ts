import type { Extension } from './extensionModel';

/**
 * Why an extension failed, in one line: Azure's errorInfo and the statuses that are not informational. Real failures
 * come either way — the az CLI's recordings show one reported only in `statuses[]`, with no `errorInfo` and no level.
 */
export function failureDetails(extension: Extension): string {
  return [
    extension.errorInfo ? `${extension.errorInfo.code ?? ''}: ${extension.errorInfo.message ?? ''}` : undefined,
    ...(extension.statuses ?? []).filter((s) => s.level?.toLowerCase() !== 'information').map((s) => `${s.code ?? ''}: ${(s.message ?? s.displayStatus ?? '').trim()}`),
  ]
    .filter((part): part is string => part !== undefined)
    .join('; ');
}
