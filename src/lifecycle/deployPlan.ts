import type { Extension } from '../azure/extensionModel';
import { clusterBlocker, type ClusterModel } from '../azure/clusterModel';
import type { Limiter } from '../azure/concurrency';

export type DeployOutcome = 'succeeded' | 'failed' | 'skipped';

/** How one cluster ended: the outcome and, unless it succeeded, why in one line. */
export interface DeployResult {
  readonly cluster: ClusterModel;
  readonly outcome: DeployOutcome;
  readonly message: string;
}

/** Why a cluster cannot take the extension now, or undefined when it can: checked before anything is sent. */
export function deployBlocker(cluster: ClusterModel, existing: readonly Extension[], name: string, extensionType: string): string | undefined {
  const blocker = clusterBlocker(cluster);
  if (blocker) {
    return `${blocker.reason} ${blocker.fix}`;
  }
  const sameName = existing.find((e) => e.name?.toLowerCase() === name.toLowerCase());
  if (sameName) {
    return `Already has an extension named ${name} (${sameName.extensionType ?? 'unknown type'}, ${sameName.provisioningState ?? 'unknown state'}).`;
  }
  const sameType = existing.find((e) => e.extensionType?.toLowerCase() === extensionType.toLowerCase());
  if (sameType) {
    return `Already has ${extensionType} installed as ${sameType.name ?? ''}.`;
  }
  return undefined;
}

/**
 * Deploys to every cluster under the limiter, continuing past failures: every cluster ends with a known result.
 * `onSettled` reports each result as it comes, with how many have finished.
 */
export async function runDeployments(
  clusters: readonly ClusterModel[],
  deploy: (cluster: ClusterModel) => Promise<void>,
  limit: Limiter,
  /** How a failure reads in the summary: failed, or skipped (e.g. never started, or no longer waited for). */
  classifyError: (err: unknown) => { outcome: 'failed' | 'skipped'; message: string },
  onSettled: (result: DeployResult, finished: number) => void,
): Promise<DeployResult[]> {
  let finished = 0;
  return Promise.all(
    clusters.map(async (cluster): Promise<DeployResult> => {
      let result: DeployResult;
      try {
        await limit(() => deploy(cluster));
        result = { cluster, outcome: 'succeeded', message: '' };
      } catch (err) {
        result = { cluster, ...classifyError(err) };
      }
      onSettled(result, ++finished);
      return result;
    }),
  );
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** The summary document: counts, then one row per cluster with its result and the error in one line. */
export function deploySummaryMarkdown(title: string, results: readonly DeployResult[]): string {
  const count = (outcome: DeployOutcome): number => results.filter((r) => r.outcome === outcome).length;
  const rows = [...results]
    .sort((a, b) => a.outcome.localeCompare(b.outcome) || a.cluster.name.localeCompare(b.cluster.name))
    .map((r) => `| ${cell(r.cluster.name)} | ${cell(r.cluster.resourceGroup)} | ${r.outcome} | ${cell(r.message)} |`);
  return [
    `# ${title}`,
    '',
    `${count('succeeded')} succeeded, ${count('failed')} failed, ${count('skipped')} skipped, of ${results.length} clusters.`,
    '',
    '| cluster | resource group | result | detail |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
