import type * as vscode from 'vscode';
import { registerSelectSubscriptions } from './account/selectSubscriptions';
import { registerSignIn } from './account/signIn';
import { registerFleetCommands } from './fleet/registerFleetCommands';
import { registerLifecycleCommands } from './lifecycle/registerLifecycleCommands';
import { registerRolloutCommands } from './rollout/registerRolloutCommands';
import type { ExtensionServices } from './services';
import { registerCopyResourceId } from './tree/copyResourceId';
import { registerCopySubscriptionId } from './tree/copySubscriptionId';
import { registerOpenInPortal } from './tree/openInPortal';
import { registerRefresh } from './tree/refresh';
import { registerRefreshExtensionDocument } from './tree/refreshExtensionDocument';
import { registerShowExtension } from './tree/showExtension';

/** Registers every command; each lives in its own file under src/commands/<feature>/. */
export function registerCommands(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerSignIn(context, services);
  registerSelectSubscriptions(context, services);
  registerRefresh(context, services);
  registerCopyResourceId(context, services);
  registerCopySubscriptionId(context, services);
  registerOpenInPortal(context, services);
  registerRefreshExtensionDocument(context, services, registerShowExtension(context, services));
  registerLifecycleCommands(context, services);
  registerRolloutCommands(context, services);
  registerFleetCommands(context, services);
}
