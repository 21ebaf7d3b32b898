import type { Extension, PatchExtension } from '../azure/extensionModel';
import { applyTypeUpdateDefaults, immutableKeysChanged } from '../shared';

const sameText = (a: string | undefined | null, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** Whether the instance already has every value the patch asks for (a null setting: the key absent). */
function hasPatchValues(current: Extension, patch: PatchExtension): boolean {
  const settings = current.configurationSettings ?? {};
  const settingsMatch = Object.entries(patch.configurationSettings ?? {}).every(([key, value]) =>
    (value as string | null) === null ? !(key in settings) : settings[key] === value,
  );
  return (
    settingsMatch &&
    (patch.autoUpgradeMinorVersion === undefined || (current.autoUpgradeMinorVersion ?? true) === patch.autoUpgradeMinorVersion) &&
    (patch.releaseTrain === undefined || sameText(current.releaseTrain, patch.releaseTrain)) &&
    (patch.version === undefined || current.version === patch.version) &&
    (patch.autoUpgradeMode === undefined || (current.autoUpgradeMode ?? 'compatible') === patch.autoUpgradeMode) &&
    // A protected value can never be compared (Azure does not return it): a patch holding one is always sent.
    patch.configurationProtectedSettings === undefined
  );
}

/** The settings after a merge patch (a null value removes the key). */
function settingsAfter(before: Record<string, string>, patch: PatchExtension): Record<string, string> {
  const after = { ...before };
  for (const [key, value] of Object.entries(patch.configurationSettings ?? {})) {
    if ((value as string | null) === null) {
      delete after[key];
    } else {
      after[key] = value;
    }
  }
  return after;
}

/**
 * Why an update is not sent to this instance: it already has what the update asks for, or the update would change a
 * key the type fixes at creation (Dapr's global.ha.*). Undefined when it is to be sent.
 */
export function updateBlocker(current: Extension, patch: PatchExtension): string | undefined {
  const before = current.configurationSettings ?? {};
  const fixed = immutableKeysChanged(current.extensionType ?? '', before, settingsAfter(before, patch));
  if (fixed.length > 0) {
    return `${fixed.join(', ')} can be set only when ${current.name ?? ''} is created: nothing sent (recreate it to change them).`;
  }
  return hasPatchValues(current, patch) ? `${current.name ?? ''} already has these values: nothing sent.` : undefined;
}

/** The patch without an auto-upgrade mode the instance already has: az sends the mode only when it changes. */
export function withoutUnchangedMode(current: Pick<Extension, 'autoUpgradeMode'>, patch: PatchExtension): PatchExtension {
  const { autoUpgradeMode, ...rest } = patch;
  return autoUpgradeMode !== undefined && autoUpgradeMode !== (current.autoUpgradeMode ?? 'compatible') ? { ...rest, autoUpgradeMode } : rest;
}

/**
 * The PATCH for one instance: the auto-upgrade mode only when it changes (what az sends), and what az's partner class
 * adds to an update of the type (Dapr's apply-CRDs hook), as the single update sends it.
 */
export function updateFor(current: Extension, patch: PatchExtension): PatchExtension {
  return applyTypeUpdateDefaults(current, withoutUnchangedMode(current, patch)).patch as PatchExtension;
}
