import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/** Resource Manager hosts of the public and sovereign clouds. */
const AZURE_MANAGEMENT_HOSTS = [
  'management.azure.com',
  'management.chinacloudapi.cn',
  'management.usgovcloudapi.net',
  'management.microsoftazure.de',
];

/** `eastus.management.azure.com`: Resource Manager's regional front ends take the same token; one DNS label before a known host. */
const REGIONAL_PREFIX = /^[a-z0-9-]+\.(.+)$/;

/**
 * True when a bearer token may be sent to this URL: a Resource Manager host of a known cloud (regional ones included), or
 * the configured endpoint's host. A resource provider's own host (`eastus.rp.kubernetesconfiguration.azure.com`, which
 * Azure names in a create's Location header) is not Resource Manager and is refused.
 */
export function isTrustedTokenHost(url: string, trustedEndpoint: string): boolean {
  const parsed = new URL(url);
  const host = parsed.host.toLowerCase();
  if (host === new URL(trustedEndpoint).host.toLowerCase()) {
    return true;
  }
  const regionalParent = REGIONAL_PREFIX.exec(host)?.[1];
  return parsed.protocol === 'https:' && (AZURE_MANAGEMENT_HOSTS.includes(host) || (regionalParent !== undefined && AZURE_MANAGEMENT_HOSTS.includes(regionalParent)));
}

/**
 * A last line of defence: fails any request that would carry a bearer token to a host other than Resource Manager's.
 * ARM's nextLink and Azure-AsyncOperation URLs come from responses; this makes sure none of them can send a token elsewhere.
 */
export function tokenHostGuardPolicy(trustedEndpoint: string): PipelinePolicy {
  return {
    name: 'aksClusterExtensionsTokenHostGuard',
    async sendRequest(request, next) {
      if (request.headers.has('authorization') && !isTrustedTokenHost(request.url, trustedEndpoint)) {
        throw new Error(`Refusing to send Azure credentials to ${new URL(request.url).host}.`);
      }
      return next(request);
    },
  };
}
