import type { RuleFinding, SettingsView } from '../rules/settingsView';
import { skipsPrerequisites, usesManagedIdentityAuth } from './monitoringPrerequisites';

// Facts from the az k8s-extension ContainerInsights partner class: with managed-identity auth it parses
// dataCollectionSettings with json.loads and checks these fields before it creates the data collection rule.
const key = 'dataCollectionSettings';

function finding(message: string): RuleFinding {
  return { code: 'monitor/data-collection-settings', severity: 'error', key, in: 'settings', message: `${key}: ${message}` };
}

function intervalProblem(interval: unknown): string | undefined {
  if (typeof interval !== 'string' || !/^[0-9]+m$/.test(interval)) return 'interval must be a number of minutes such as "5m", and az rejects anything else.';
  const minutes = Number(interval.slice(0, -1));
  return minutes <= 0 || minutes > 30 ? 'interval must be from 1m to 30m.' : undefined;
}

function fieldProblems(parsed: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if ('interval' in parsed) {
    const p = intervalProblem(parsed.interval);
    if (p) problems.push(p);
  }
  const mode = parsed.namespaceFilteringMode;
  if ('namespaceFilteringMode' in parsed && (typeof mode !== 'string' || !['off', 'exclude', 'include'].includes(mode.toLowerCase()))) {
    problems.push('namespaceFilteringMode must be Off, Exclude or Include.');
  }
  for (const list of ['namespaces', 'streams']) {
    if (list in parsed && !Array.isArray(parsed[list])) problems.push(`${list} must be a JSON array.`);
  }
  if ('enableContainerLogV2' in parsed && typeof parsed.enableContainerLogV2 !== 'boolean') problems.push('enableContainerLogV2 must be true or false (a JSON boolean).');
  return problems;
}

/** The checks az applies to dataCollectionSettings, read as the JSON text it is. */
export function dataCollectionSettingsRule(view: SettingsView): RuleFinding[] {
  const text = view.getIn('settings', key);
  if (text === undefined || skipsPrerequisites(view) || !usesManagedIdentityAuth(view)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [finding('the value must be JSON text such as {"interval": "1m", "namespaceFilteringMode": "Off"}, and az fails to read it.')];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [finding('the value must be a JSON object.')];
  return fieldProblems(parsed as Record<string, unknown>).map(finding);
}
