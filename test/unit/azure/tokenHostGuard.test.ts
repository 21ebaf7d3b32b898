import * as assert from 'node:assert/strict';
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { isTrustedTokenHost, tokenHostGuardPolicy } from '../../../src/azure/tokenHostGuard';

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
});
