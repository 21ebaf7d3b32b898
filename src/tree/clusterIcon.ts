import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * The icon of a cluster row that can take extensions: three nodes as cubes, drawn for this extension (media/tree), in
 * a light and a dark variant. The bundle runs from dist/, beside media/ (both ship in the package).
 */
export function clusterIcon(): { light: vscode.Uri; dark: vscode.Uri } {
  const media = path.join(__dirname, '..', 'media', 'tree');
  return { light: vscode.Uri.file(path.join(media, 'cluster-light.svg')), dark: vscode.Uri.file(path.join(media, 'cluster-dark.svg')) };
}
