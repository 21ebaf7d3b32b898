// Custom messages between the language client and the server (both sides import these names).
import type { SettingsFileBinding } from './settingsFileBinding';

/** Client → server: bind a document to an extension type (set from the command or the tree). */
export const bindSettingsFileNotification = 'aksClusterExtensions/bindSettingsFile';
export interface BindSettingsFileParams {
  uri: string;
  extensionType: string;
  isProtected: boolean;
  /** The settings of an extension that exists (an update): create-only findings are left out, fixed keys are noted. */
  existing?: boolean;
}

/** Client → server: which type a document is bound to, for the status bar. */
export const settingsFileBindingRequest = 'aksClusterExtensions/settingsFileBinding';
export interface SettingsFileBindingParams {
  uri: string;
}
export type SettingsFileBindingResult = (SettingsFileBinding & { displayName?: string }) | null;

/** The configuration section the server reads (settings files keep the language `json`). */
export const configurationSection = 'aksClusterExtensions';
