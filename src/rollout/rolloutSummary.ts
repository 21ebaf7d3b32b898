import { countStates, type RolloutRecord, type TargetState } from './rolloutRecord';

/** How each state reads in the summary. */
export const STATE_LABELS: Readonly<Record<TargetState, string>> = {
  pending: 'not started',
  submitted: 'sent, end unknown',
  succeeded: 'succeeded',
  failed: 'failed',
  skipped: 'skipped',
  notChecked: 'not checked',
  notStarted: 'not started',
  running: 'still running in Azure',
};

const ORDER: readonly TargetState[] = ['failed', 'notChecked', 'running', 'submitted', 'notStarted', 'pending', 'skipped', 'succeeded'];

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** "3 succeeded, 1 failed, … of 5 clusters": only the states that occur. */
export function countsLine(record: RolloutRecord): string {
  const counts = countStates(record);
  const parts = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${STATE_LABELS[s]}`);
  return `${parts.join(', ')}, of ${record.targets.length} clusters.`;
}

/** The summary document: counts, then one row per cluster with its state and the reason in one line. */
export function rolloutSummaryMarkdown(record: RolloutRecord, nextSteps: readonly string[]): string {
  const rows = [...record.targets]
    .sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.cluster.name.localeCompare(b.cluster.name))
    .map((t) => `| ${cell(t.cluster.name)} | ${cell(t.cluster.resourceGroup)} | ${cell(t.cluster.location)} | ${STATE_LABELS[t.state]} | ${cell(t.message)} |`);
  return [
    `# ${record.title}`,
    '',
    countsLine(record),
    ...(nextSteps.length > 0 ? ['', ...nextSteps.map((s) => `- ${s}`)] : []),
    '',
    '| cluster | resource group | region | result | detail |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Seconds left at the pace so far, once something has finished; undefined before. */
export function secondsLeft(startedAt: number, finished: number, total: number, now = Date.now()): number | undefined {
  return finished > 0 && finished < total ? Math.round(((now - startedAt) / finished) * (total - finished) / 1000) : undefined;
}
