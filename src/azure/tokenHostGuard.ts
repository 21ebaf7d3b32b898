import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/** Resource Manager hosts of the public and sovereign clouds. */
const AZURE_MANAGEMENT_HOSTS = [
  'management.azure.com',
  'management.chinacloudapi.cn',
  'management.usgovcloudapi.net',
  'management.microsoftazure.de',
];

/** True when a bearer token may be sent to this URL: an Azure Resource Manager host, or the configured endpoint's host. */
export function isTrustedTokenHost(url: string, trustedEndpoint: string): boolean {
  const host = new URL(url).host.toLowerCase();
  return host === new URL(trustedEndpoint).host.toLowerCase() || AZURE_MANAGEMENT_HOSTS.includes(host);
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
