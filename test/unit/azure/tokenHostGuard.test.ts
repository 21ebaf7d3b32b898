import * as assert from 'node:assert/strict';
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { armClientOptions } from '../../../src/azure/armClientOptions';
import { EXTENSIONS_API_VERSION } from '../../../src/azure/extensionModel';
import { KubernetesConfigurationClient } from '../../../src/azure/kubernetesConfigurationClient';
import { isTrustedTokenHost, tokenHostGuardPolicy } from '../../../src/azure/tokenHostGuard';
import type { RunningEmulator } from '../../emulator/emulatorTypes';
import { fakeCredential, SEED, startTestEmulator } from '../emulator/helpers';

describe('tokenHostGuard', () => {
  it('trusts the Resource Manager hosts of every cloud and the configured endpoint only', () => {
    assert.ok(isTrustedTokenHost('https://management.azure.com/subscriptions', 'https://management.azure.com'));
    assert.ok(isTrustedTokenHost('https://management.usgovcloudapi.net/x', 'https://management.azure.com'));
    assert.ok(isTrustedTokenHost('https://127.0.0.1:4443/x', 'https://127.0.0.1:4443'));
    assert.ok(!isTrustedTokenHost('https://evil.example.com/x', 'https://management.azure.com'));
    assert.ok(!isTrustedTokenHost('https://127.0.0.1:9999/x', 'https://127.0.0.1:4443'));
  });

  it('trusts regional Resource Manager hosts, never a resource provider host or a look-alike', () => {
    assert.ok(isTrustedTokenHost('https://eastus.management.azure.com/subscriptions', 'https://management.azure.com'));
    assert.ok(isTrustedTokenHost('https://chinaeast2.management.chinacloudapi.cn/x', 'https://management.chinacloudapi.cn'));
    // The Location header of a create in the az CLI's recordings: the RP's own host, not Resource Manager.
    assert.ok(!isTrustedTokenHost('https://westus2.rp.kubernetesconfiguration.azure.com/subscriptions/x', 'https://management.azure.com'));
    assert.ok(!isTrustedTokenHost('https://a.b.management.azure.com/x', 'https://management.azure.com'));
    assert.ok(!isTrustedTokenHost('https://management.azure.com.evil.example/x', 'https://management.azure.com'));
    assert.ok(!isTrustedTokenHost('http://eastus.management.azure.com/x', 'https://management.azure.com'));
  });

  it('refuses to send a bearer token elsewhere, and lets token-less requests through', async () => {
    const policy = tokenHostGuardPolicy('https://management.azure.com');
    const sent: string[] = [];
    const next = async (r: { url: string }): Promise<PipelineResponse> => {
      sent.push(r.url);
      return { request: createPipelineRequest({ url: r.url }), status: 200, headers: createHttpHeaders() };
    };
    const withToken = createPipelineRequest({ url: 'https://attacker.example/operations/1', headers: createHttpHeaders({ authorization: 'Bearer secret' }) });
    await assert.rejects(policy.sendRequest(withToken, next), /Refusing to send Azure credentials to attacker\.example/);
    await policy.sendRequest(createPipelineRequest({ url: 'https://attacker.example/public' }), next);
    assert.deepEqual(sent, ['https://attacker.example/public']);
  });

  /*
   * The real SDK client with our client options, against the emulator addressed as https://localhost:<port>. The
   * emulator writes its nextLink and Azure-AsyncOperation URLs with https://127.0.0.1:<port>: to the guard another
   * host, as an attacker's would be. The token is added by the SDK's authentication policy, so only a guard placed
   * after it (perRetry) sees it; a perCall guard would let the token go.
   */
  describe('in the SDK pipeline, on URLs that responses point to', () => {
    let emulator: RunningEmulator;
    const cluster = { subscriptionId: SEED.prodSubscription, resourceGroup: 'rg-aks-prod-eastus', name: 'aks-prod-eastus-01' };
    // The client the extension uses for Microsoft.KubernetesConfiguration, with the options every ARM client gets.
    const client = (): KubernetesConfigurationClient =>
      new KubernetesConfigurationClient(fakeCredential, { ...armClientOptions(emulator.url.replace('127.0.0.1', 'localhost'), emulator.caPem), retryOptions: { maxRetries: 0 } });
    const foreignRequests = (): string[] => emulator.requests.map((r) => r.url).filter((u) => /skipToken|\/operations\//i.test(u));

    before(async () => {
      emulator = await startTestEmulator({ pageSize: 1 });
    });
    after(() => emulator.close());
    beforeEach(() => emulator.reset());

    it('a nextLink to another host never receives the token', async () => {
      const listing = async (): Promise<void> => {
        await client().listExtensions(cluster);
      };
      await assert.rejects(listing(), /Refusing to send Azure credentials to 127\.0\.0\.1/);
      assert.equal(emulator.requests.length, 1, 'the first page was read');
      assert.deepEqual(foreignRequests(), []);
    });

    // Clients built on @azure/core-client's ServiceClient (arm-resources-subscriptions) add their bearer policy after
    // ours: only the perRetry position puts the guard after it there.
    it('a nextLink to another host never receives the token from a client that adds its bearer policy last', async () => {
      const subscriptions = new SubscriptionClient(fakeCredential, { ...armClientOptions(emulator.url.replace('127.0.0.1', 'localhost'), emulator.caPem), retryOptions: { maxRetries: 0 } });
      const listing = async (): Promise<void> => {
        for await (const subscription of subscriptions.subscriptions.list()) assert.ok(subscription.subscriptionId);
      };
      await assert.rejects(listing(), /Refusing to send Azure credentials to 127\.0\.0\.1/);
      assert.equal(emulator.requests.length, 1, 'the first page was read');
      assert.deepEqual(foreignRequests(), []);
    });

    it('an Azure-AsyncOperation URL on another host never receives the token', async () => {
      const creating = async (): Promise<void> => {
        const poller = await client().beginCreate(cluster, 'guarded', { extensionType: 'microsoft.flux', autoUpgradeMinorVersion: true }, { updateIntervalInMs: 10 });
        await poller.pollUntilDone();
      };
      await assert.rejects(creating(), /Refusing to send Azure credentials to 127\.0\.0\.1/);
      assert.ok(emulator.requests.some((r) => r.method === 'PUT' && r.url.includes(`api-version=${EXTENSIONS_API_VERSION}`)));
      assert.deepEqual(foreignRequests(), []);
    });
  });
});
