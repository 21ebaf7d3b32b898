import type { Extension, PatchExtension } from '../azure/extensionModel';
import { applyTypeUpdateDefaults } from '../shared';

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

/** Why an update is not sent to an instance that already has what it asks for; undefined when it is to be sent. */
export function updateBlocker(current: Extension, patch: PatchExtension): string | undefined {
  return hasPatchValues(current, patch) ? `${current.name ?? ''} already has these values: nothing sent.` : undefined;
}

/**
 * The PATCH for one instance: the auto-upgrade mode only when it changes (what az sends), and what az's partner class
 * adds to an update of the type (Dapr's apply-CRDs hook), as the single update sends it.
 */
export function updateFor(current: Extension, patch: PatchExtension): PatchExtension {
  const { autoUpgradeMode, ...rest } = patch;
  const modeChange = autoUpgradeMode !== undefined && autoUpgradeMode !== (current.autoUpgradeMode ?? 'compatible') ? { autoUpgradeMode } : {};
  const completed = applyTypeUpdateDefaults(current, { ...rest, ...modeChange });
  return completed.patch as PatchExtension;
}
