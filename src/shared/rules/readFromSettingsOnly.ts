import type { CrossKeyRule } from '../catalog/extensionType';
import type { RuleFinding, SettingsView } from './settingsView';

/**
 * A rule for keys the CLI's partner class reads only from the configuration settings: in the protected settings
 * alone they are not seen (a warning with the move as the fix).
 */
export function readFromSettingsOnly(code: string, keys: readonly string[]): CrossKeyRule {
  return (view: SettingsView): RuleFinding[] =>
    keys
      .filter((key) => view.getIn('protected', key) !== undefined && view.getIn('settings', key) === undefined)
      .map((key) => ({
        code,
        severity: 'warning' as const,
        key,
        in: 'protected' as const,
        message: `az reads ${key} only from the configuration settings: move it out of the protected settings.`,
      }));
}
