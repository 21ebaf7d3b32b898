import * as vscode from 'vscode';
import { isRunningState } from '../azure/provisioningState';

// Defined without vscode so the lifecycle logic outside VS Code (unit tests, bench) shares it.
export { isRunningState };

/** The icon that shows a provisioning state at a glance; colours follow VS Code's testing and problem colours. */
export function stateIcon(state: string | undefined): vscode.ThemeIcon {
  switch (state?.toLowerCase()) {
    case 'succeeded':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'canceled':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'deleting':
      return new vscode.ThemeIcon('trash', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    default:
      return isRunningState(state) ? new vscode.ThemeIcon('sync~spin') : new vscode.ThemeIcon('extensions');
  }
}
