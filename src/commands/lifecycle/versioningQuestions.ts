import * as vscode from 'vscode';
import type { PatchExtension } from '../../azure/extensionModel';
import type { Prompter } from '../../ui/prompter';

/** The three autoUpgradeMode values of API 2025-03-01: compatible (the service's default), patch, and none (a pin). */
export type UpgradeChoice = 'compatible' | 'patch' | 'none';

/** What the versioning questions start from: an instance's values, or (for many) those of the first one. */
export interface VersioningNow {
  readonly autoUpgradeMinorVersion?: boolean;
  readonly autoUpgradeMode?: string;
  readonly releaseTrain?: string;
  /** The pinned version, else the installed one. */
  readonly version?: string;
}

/** The change asked for: the patch (mode included whenever auto-upgrade is on) and the review's line for it. */
export interface VersioningChange {
  readonly patch: PatchExtension;
  readonly line: string;
}

/** Auto-upgrade mode, then the release train or the version to pin; undefined when the user cancels. */
export async function askVersioning(prompter: Prompter, title: string, now: VersioningNow): Promise<VersioningChange | undefined> {
  const currentMode: UpgradeChoice = now.autoUpgradeMinorVersion === false ? 'none' : now.autoUpgradeMode === 'patch' ? 'patch' : 'compatible';
  const current = (mode: UpgradeChoice): string | undefined => (mode === currentMode ? vscode.l10n.t('current') : undefined);
  const mode = await prompter.pick<UpgradeChoice>(
    [
      { label: vscode.l10n.t('Upgrade minor versions automatically'), description: current('compatible'), detail: vscode.l10n.t('auto-upgrade mode compatible'), value: 'compatible' },
      { label: vscode.l10n.t('Upgrade patch versions only'), description: current('patch'), detail: vscode.l10n.t('auto-upgrade mode patch'), value: 'patch' },
      { label: vscode.l10n.t('Pin a version'), description: current('none'), value: 'none' },
    ],
    { title },
  );
  if (mode === undefined) {
    return undefined;
  }
  const auto = mode !== 'none';
  const answer = await prompter.input({
    title,
    prompt: auto ? vscode.l10n.t('Release train') : vscode.l10n.t('Version to pin'),
    value: auto ? (now.releaseTrain ?? 'stable') : (now.version ?? ''),
    validate: (v) => (v.trim() ? undefined : vscode.l10n.t('A value is required.')),
  });
  if (answer === undefined) {
    return undefined;
  }
  const value = answer.trim();
  return {
    patch: auto ? { autoUpgradeMinorVersion: true, releaseTrain: value, autoUpgradeMode: mode } : { autoUpgradeMinorVersion: false, version: value },
    line: !auto
      ? vscode.l10n.t('Version {0}, no automatic upgrades', value)
      : mode === 'patch'
        ? vscode.l10n.t('Automatic patch upgrades on release train {0}', value)
        : vscode.l10n.t('Automatic minor upgrades on release train {0}', value),
  };
}
