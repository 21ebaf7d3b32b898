import type * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { registerCopyAsAzCommand } from './copyAsAzCommand';
import { registerCreateExtension } from './createExtension';
import { registerCreateFromSettingsFile } from './createFromSettingsFile';
import { registerDeleteExtension } from './deleteExtension';
import { registerDeployToClusters } from './deployToClusters';
import { registerRecreateExtension } from './recreateExtension';
import { registerUseSettingsDocument } from './settingsDocument';
import { registerUpdateExtension } from './updateExtension';
import { registerUpdateProtectedSettings } from './updateProtectedSettings';

/** The lifecycle commands: create, update, protected settings, delete, recreate, deploy at scale, copy as az, and the settings document's Use These Settings. */
export function registerLifecycleCommands(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerCreateExtension(context, services);
  registerCreateFromSettingsFile(context, services);
  registerUpdateExtension(context, services);
  registerUpdateProtectedSettings(context, services);
  registerDeleteExtension(context, services);
  registerRecreateExtension(context, services);
  registerDeployToClusters(context, services);
  registerCopyAsAzCommand(context, services);
  registerUseSettingsDocument(context, services);
}
