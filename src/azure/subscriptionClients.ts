import { ContainerServiceClient } from '@azure/arm-containerservice';
import type { AzureSubscription } from '@microsoft/vscode-azext-azureauth';
import { armClientOptions } from './armClientOptions';
import { KubernetesConfigurationClient } from './kubernetesConfigurationClient';
import type { RequestLogger } from './requestLogPolicy';

/** The ARM clients for one subscription, built with its credential and its cloud's Resource Manager endpoint. */
export interface SubscriptionClients {
  readonly subscription: AzureSubscription;
  readonly containerService: ContainerServiceClient;
  readonly kubernetesConfiguration: KubernetesConfigurationClient;
}

/**
 * Builds the clients for a subscription; `caPem` is only set in development mode, to trust the local emulator;
 * `logRequest` receives one line per request.
 */
export function createSubscriptionClients(subscription: AzureSubscription, caPem?: string, logRequest?: RequestLogger): SubscriptionClients {
  const endpoint = subscription.environment.resourceManagerEndpointUrl.replace(/\/$/, '');
  const options = armClientOptions(endpoint, caPem, logRequest);
  return {
    subscription,
    containerService: new ContainerServiceClient(subscription.credential, subscription.subscriptionId, options),
    kubernetesConfiguration: new KubernetesConfigurationClient(subscription.credential, options),
  };
}
