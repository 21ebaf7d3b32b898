import * as vscode from 'vscode';
import { describeAzureError } from '../azure/azureErrorMessage';
import type { ExtensionServices } from './services';

/** Thrown for a problem the user can fix; its message is shown as is. */
export class UserFacingError extends Error {}

/**
 * Registers a command behind the one error wrapper every command shares: Azure errors become one sentence that
 * says what to do, with the full detail in the log channel; cancellation is silent.
 */
export function registerCommand(
  context: vscode.ExtensionContext,
  services: ExtensionServices,
  id: string,
  title: string,
  handler: (...args: unknown[]) => unknown,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (err) {
        if (err instanceof vscode.CancellationError) {
          return undefined;
        }
        // Through the prompter, so tests see every message a command shows.
        if (err instanceof UserFacingError) {
          void services.prompter.notify('error', err.message);
          return undefined;
        }
        const described = describeAzureError(err, title);
        services.log.error(described.detail);
        void services.prompter.notify('error', described.message, vscode.l10n.t('Show Log')).then((choice) => {
          if (choice) {
            services.log.show();
          }
        });
        return undefined;
      }
    }),
  );
}
