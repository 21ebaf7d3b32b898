import * as vscode from 'vscode';

/** States in which Azure is still working on the instance; the tree keeps watching them. */
const RUNNING_STATES = new Set(['creating', 'updating', 'deleting', 'accepted', 'provisioning']);

/** True while an operation runs on the extension (Creating, Updating, Deleting). */
export function isRunningState(state: string | undefined): boolean {
  return state !== undefined && RUNNING_STATES.has(state.toLowerCase());
}

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
