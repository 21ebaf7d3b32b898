import * as vscode from 'vscode';

/** Operations long enough to be still running when the first extension host is gone. */
export const OPERATION_MS = 8000;

export const rolloutSettings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('aksClusterExtensions.rollout');
export const extensionSettings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('aksClusterExtensions');
