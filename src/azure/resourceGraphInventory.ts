import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { TokenCredential } from '@azure/core-auth';
import type { AzureSubscription } from '@microsoft/vscode-azext-azureauth';
import { armClientOptions } from './armClientOptions';
import { INVENTORY_QUERY, type InventoryRow } from './inventoryQuery';

/** What one inventory query over Resource Graph returned. */
export interface GraphInventory {
  readonly rows: InventoryRow[];
  /** Pages read (one request each, unless the SDK had to retry one). */
  readonly roundTrips: number;
}

/** Where to reach Resource Graph: the cloud's Resource Manager endpoint and a credential for it. */
export interface GraphConnection {
  readonly endpoint: string;
  readonly credential: TokenCredential;
  /** The emulator's certificate, development mode only. */
  readonly caPem?: string;
}

/** Resource Graph's answer to how many more queries this user may send now, and when that count resets. */
interface Quota {
  remaining?: number;
  resetsAfterMs?: number;
}

/** Parses x-ms-user-quota-resets-after ("hh:mm:ss"). */
function parseResetsAfter(value: string | undefined): number | undefined {
  const match = value ? /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value) : null;
  return match ? ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000 : undefined;
}

export function createGraphClient(connection: GraphConnection): ResourceGraphClient {
  return new ResourceGraphClient(connection.credential, {
    ...armClientOptions(connection.endpoint, connection.caPem),
    credentials: { scopes: [`${connection.endpoint}/.default`] },
  });
}

/**
 * Runs INVENTORY_QUERY over the given subscriptions, following $skipToken page by page (1,000 rows a page). When
 * Resource Graph says the user's quota is spent, the next page waits until it resets rather than be refused.
 */
export async function queryGraphInventory(
  client: ResourceGraphClient,
  subscriptionIds: readonly string[],
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<GraphInventory> {
  const rows: InventoryRow[] = [];
  const quota: Quota = {};
  let roundTrips = 0;
  let skipToken: string | undefined;
  do {
    if (quota.remaining !== undefined && quota.remaining <= 0 && quota.resetsAfterMs) {
      await wait(quota.resetsAfterMs);
    }
    const page = await client.resources(
      { subscriptions: [...subscriptionIds], query: INVENTORY_QUERY, options: { resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) } },
      {
        onResponse: (response) => {
          roundTrips += 1;
          const remaining = response.headers.get('x-ms-user-quota-remaining');
          quota.remaining = remaining === undefined ? undefined : Number(remaining);
          quota.resetsAfterMs = parseResetsAfter(response.headers.get('x-ms-user-quota-resets-after'));
        },
      },
    );
    rows.push(...((page.data ?? []) as InventoryRow[]));
    skipToken = page.skipToken;
  } while (skipToken);
  return { rows, roundTrips };
}

/** The inventory of subscriptions that share a tenant and cloud, with their credential and endpoint. */
export function queryGraphInventoryOf(subscriptions: readonly AzureSubscription[], caPem?: string): Promise<GraphInventory> {
  const first = subscriptions[0];
  const endpoint = first.environment.resourceManagerEndpointUrl.replace(/\/$/, '');
  const client = createGraphClient({ endpoint, credential: first.credential, caPem });
  return queryGraphInventory(client, subscriptions.map((s) => s.subscriptionId));
}
