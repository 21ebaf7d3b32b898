// Adds the lifecycle commands' contributions to package.json and package.nls.json by read-modify-write: entries are
// appended (or replaced by id), never the whole file, because other contributions are edited concurrently.
import { readFileSync, writeFileSync } from 'node:fs';

const view = 'view == aksClusterExtensions.tree';
const commands = [
  ['createExtension', 'Create Extension...', '$(add)'],
  ['createFromSettingsFile', 'Create Extension from Settings File...'],
  ['updateExtension', 'Update Extension...', '$(edit)'],
  ['updateProtectedSettings', 'Update Protected Settings...'],
  ['deleteExtension', 'Delete Extension...', '$(trash)'],
  ['forceDeleteExtension', 'Force Delete Extension...'],
  ['recreateExtension', 'Recreate Extension...'],
  ['deployToClusters', 'Deploy to Clusters...'],
  ['copyAsAzCommand', 'Copy as az Command...'],
];
const itemMenus = [
  ['createExtension', `${view} && viewItem =~ /aksCluster;ready/`, 'inline@1'],
  ['createExtension', `${view} && viewItem =~ /aksCluster/`, '2_lifecycle@1'],
  ['deployToClusters', `${view} && viewItem =~ /aks(Subscription|Cluster|Extension)/`, '2_lifecycle@8'],
  ['updateExtension', `${view} && viewItem =~ /aksExtension/`, '2_lifecycle@2'],
  ['updateProtectedSettings', `${view} && viewItem =~ /aksExtension/`, '2_lifecycle@3'],
  ['recreateExtension', `${view} && viewItem =~ /aksExtension;state-failed/`, '2_lifecycle@4'],
  ['deleteExtension', `${view} && viewItem =~ /aksExtension/`, '7_delete@1'],
  ['forceDeleteExtension', `${view} && viewItem =~ /aksExtension/`, '7_delete@2'],
  ['copyAsAzCommand', `${view} && viewItem =~ /aksExtension/`, '8_copy@3'],
];
const fileWhen = 'resourceFilename =~ /\\.(settings|protected)\\.json$/';

const pkgPath = 'package.json';
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const contributes = (pkg.contributes ??= {});
const upsert = (list, item, same) => {
  const index = list.findIndex(same);
  if (index >= 0) list[index] = item;
  else list.push(item);
};
contributes.commands ??= [];
for (const [id, , icon] of commands) {
  const command = `aksClusterExtensions.${id}`;
  upsert(contributes.commands, { command, title: `%command.${id}%`, category: 'AKS Cluster Extensions', ...(icon ? { icon } : {}) }, (c) => c.command === command);
}
const menus = (contributes.menus ??= {});
menus['view/item/context'] ??= [];
for (const [id, when, group] of itemMenus) {
  const command = `aksClusterExtensions.${id}`;
  upsert(menus['view/item/context'], { command, when, group }, (m) => m.command === command && m.group === group);
}
for (const menu of ['explorer/context', 'editor/title/context']) {
  menus[menu] ??= [];
  const command = 'aksClusterExtensions.createFromSettingsFile';
  upsert(menus[menu], { command, when: fileWhen, group: 'aksClusterExtensions@1' }, (m) => m.command === command);
}
const properties = (((contributes.configuration ??= {}).properties ??= {}));
properties['aksClusterExtensions.deployConcurrency'] = {
  type: 'integer',
  default: 10,
  minimum: 1,
  maximum: 50,
  description: 'How many clusters "Deploy to Clusters" creates the extension on at the same time.',
};
pkg.scripts ??= {};
pkg.scripts['bench:deploy'] = 'npm run compile && node out/bench/deployAtScale.js';
writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);

const nlsPath = 'package.nls.json';
const nls = JSON.parse(readFileSync(nlsPath, 'utf8'));
for (const [id, title] of commands) nls[`command.${id}`] = title;
writeFileSync(nlsPath, `${JSON.stringify(nls, null, 2)}\n`);
