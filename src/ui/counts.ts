import * as vscode from 'vscode';

const count = (n: number): string => n.toLocaleString('en-US');

/** "1 cluster", "3 clusters", "1,000 clusters": every count of clusters a user reads. */
export function clusterCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 cluster') : vscode.l10n.t('{0} clusters', count(n));
}

/** "1 instance", "3 instances". */
export function instanceCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 instance') : vscode.l10n.t('{0} instances', count(n));
}
