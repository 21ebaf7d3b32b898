import type { ExtensionTypeInfo, SettingKeyInfo, ValueConstraint } from '../catalog/extensionType';
import { matchKey } from './keyLookup';
import { looksLikeSecretKey, looksLikeSecretValue, mayQuoteValue } from './secretDetection';
import type { RuleFinding, SettingsLocation, SettingsView } from './settingsView';

function valueProblem(constraint: ValueConstraint, value: string): string | undefined {
  if (constraint.kind === 'pattern') return constraint.pattern.test(value) ? undefined : constraint.description;
  const ok = constraint.caseSensitive
    ? constraint.values.includes(value)
    : constraint.values.some((v) => v.toLowerCase() === value.toLowerCase());
  return ok ? undefined : `one of ${constraint.values.map((v) => `"${v}"`).join(', ')}`;
}

// Most settings have nothing to report: share one empty result instead of allocating one per key.
const none: readonly RuleFinding[] = Object.freeze([]);

function describeKnown(info: ExtensionTypeInfo, setting: SettingKeyInfo, key: string, value: string | undefined, where: SettingsLocation): readonly RuleFinding[] {
  if (!setting.value && !setting.protected && !setting.immutableAfterCreate) return none;
  const findings: RuleFinding[] = [];
  if (value !== undefined && setting.value) {
    const expected = valueProblem(setting.value, value);
    if (expected) {
      const quoted = mayQuoteValue(key, value, where === 'protected' || setting.protected !== undefined);
      findings.push({
        code: 'settings/invalid-value',
        severity: setting.value.cliChecked ? 'error' : 'warning',
        message: quoted ? `"${value}" is not a valid value for ${key}: use ${expected}.` : `The value of ${key} is not valid: use ${expected}.`,
      });
    }
  }
  if (setting.protected === 'required' && where === 'settings') {
    // az ignores the key in the configuration settings rather than rejecting it; the type's rules say when that matters.
    findings.push({
      code: 'settings/must-be-protected',
      severity: 'warning',
      message: `${info.displayName} reads ${key} only from the protected settings: move it to the protected settings file.`,
    });
  } else if (setting.protected === 'recommended' && where === 'settings') {
    findings.push(secretFinding(key));
  }
  if (setting.immutableAfterCreate) {
    findings.push({
      code: 'settings/immutable-after-create',
      severity: 'hint',
      message: `${key} cannot be changed after the extension is created: to change it, delete and create the extension again.`,
    });
  }
  return findings;
}

function secretFinding(key: string): RuleFinding {
  return {
    code: 'settings/secret-in-settings',
    severity: 'warning',
    message: `${key} looks like a secret, and configuration settings can be read back by anyone with read access: move it to the protected settings file.`,
  };
}

/**
 * Checks one setting on its own: is the key known (or a typo), is the value allowed, is it in the
 * right file. `value` is undefined when the JSON value is not a string.
 */
export function checkSetting(info: ExtensionTypeInfo | undefined, key: string, value: string | undefined, where: SettingsLocation): readonly RuleFinding[] {
  if (info) {
    const match = matchKey(info, key);
    if (match.kind === 'known') {
      const findings = describeKnown(info, match.setting, key, value, where);
      if (match.setting.secret === false || match.setting.protected) return findings;
      return where === 'settings' && isSecretLooking(key, value) ? [...findings, secretFinding(key)] : findings;
    }
    if (match.kind === 'wrong-case') {
      // az sends the key as written and the extension ignores it: a warning with the rename as quick fix.
      return [{
        code: 'settings/key-case',
        severity: 'warning',
        message: `Setting keys of ${info.displayName} are case-sensitive: write ${match.setting.key}, not ${key}.`,
        suggestion: match.setting.key,
      }];
    }
    const findings: RuleFinding[] = [];
    if (match.suggestion || !info.openKeySet) {
      const note = info.unknownKeyNote ? ` (${info.unknownKeyNote})` : '';
      findings.push({
        code: 'settings/unknown-key',
        severity: 'warning',
        message: match.suggestion
          ? `${key} is not a known setting of ${info.displayName}${note}: did you mean ${match.suggestion}?`
          : `${key} is not a known setting of ${info.displayName}${note}: check the name against ${info.docsUrl}.`,
        suggestion: match.suggestion,
      });
    }
    if (where === 'settings' && isSecretLooking(key, value)) findings.push(secretFinding(key));
    return findings;
  }
  return where === 'settings' && isSecretLooking(key, value) ? [secretFinding(key)] : none;
}

function isSecretLooking(key: string, value: string | undefined): boolean {
  return looksLikeSecretKey(key) || (value !== undefined && looksLikeSecretValue(value));
}

/** The same key in settings and in protected settings: which value wins is not defined. */
export function duplicateAcrossFiles(info: ExtensionTypeInfo | undefined, view: SettingsView): RuleFinding[] {
  const severity = info?.duplicateAcrossFilesIsError ? 'error' : 'warning';
  const findings: RuleFinding[] = [];
  // Protected settings are usually the few: look their keys up in the settings, not the reverse.
  for (const key of view.keys('protected')) {
    if (view.getIn('settings', key) === undefined) continue;
    for (const where of ['settings', 'protected'] as const) {
      findings.push({
        code: 'settings/duplicate-across-files',
        severity,
        key,
        in: where,
        message: `${key} is in both the settings and the protected settings: keep it in one of them (in the protected settings if it is a secret).`,
      });
    }
  }
  return findings;
}

/** All rules that read both maps: the type's own plus the shared ones. */
export function checkCrossKeyRules(info: ExtensionTypeInfo | undefined, view: SettingsView): RuleFinding[] {
  const findings = duplicateAcrossFiles(info, view);
  for (const rule of info?.rules ?? []) findings.push(...rule(view));
  return findings;
}
