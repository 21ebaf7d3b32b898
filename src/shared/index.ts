// What the language server, the CLI and the lifecycle commands use from the shared rule set.
export { extensionTypes, findExtensionType } from './catalog';
export { suggestExtensionType } from './catalog/typeSuggestion';
export type { ExtensionScope, ExtensionTypeInfo, SettingKeyInfo, ValueConstraint } from './catalog/extensionType';
export type { ExtensionRequest } from './extensionRequest';
export { acceptsProtectedSettings, applyTypeDefaults } from './applyTypeDefaults';
export { applyTypeUpdateDefaults, type CompletedPatch, type UpdatePatch } from './applyTypeUpdateDefaults';
export { validateExtensionRequest, type RequestProblem, type ValidateRequestOptions } from './validateExtensionRequest';
export { immutableKeysChanged } from './rules/immutability';
export { type RequestTarget, type SettingsForm, toTypedSettings } from './catalog/storedForm';
export {
  validateSettingsDocument,
  type DiagnosticData,
  type Position,
  type Range,
  type SettingsDiagnostic,
  type ValidateSettingsOptions,
} from './validateSettingsDocument';
export type { Severity } from './rules/settingsView';
export {
  bindingFromFileName,
  companionCandidates,
  resolveBinding,
  type AssociationScope,
  type SettingsFileAssociations,
  type SettingsFileBinding,
} from './settingsFileBinding';
