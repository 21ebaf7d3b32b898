import * as assert from 'node:assert/strict';
import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { describeAzureError } from '../../../src/azure/azureErrorMessage';

function armFailure(status: number, code: string, message: string): RestError {
  const request = createPipelineRequest({ url: 'https://management.azure.com/x' });
  const bodyAsText = JSON.stringify({ error: { code, message, target: 'extension' } });
  return new RestError(message, {
    statusCode: status,
    code,
    request,
    response: { status, request, headers: createHttpHeaders({ 'x-ms-request-id': 'req-42' }), bodyAsText },
  });
}

describe('describeAzureError', () => {
  it('says what to do for a conflict, and keeps code, target and request id for the log', () => {
    const described = describeAzureError(armFailure(409, 'ConflictingOperation', 'Operation Update is in progress.'), 'Updating dapr');
    assert.match(described.message, /^Updating dapr failed: Another operation is still running on it \(Operation Update is in progress\.\)\. Wait for it to finish, then retry\.$/);
    assert.match(described.detail, /status 409; code ConflictingOperation; target extension; request id req-42/);
  });

  it('turns 404, 429, 5xx and network errors into advice', () => {
    assert.match(describeAzureError(armFailure(404, 'ResourceNotFound', 'gone'), 'X').message, /Refresh the view/);
    assert.match(describeAzureError(armFailure(429, 'TooManyRequests', 'slow down'), 'X').message, /throttling/);
    assert.match(describeAzureError(armFailure(500, 'InternalServerError', 'oops'), 'X').message, /Retry in a moment/);
    assert.match(describeAzureError(new RestError('socket hang up', { code: 'ECONNRESET' }), 'X').message, /Could not reach Azure/);
  });

  it('keeps only the first line of an unexpected message', () => {
    assert.equal(describeAzureError(new Error('bad thing\nstack...'), 'Listing').message, 'Listing failed: bad thing.');
  });
});
