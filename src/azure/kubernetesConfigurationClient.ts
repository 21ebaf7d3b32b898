import { type Client, getClient, type HttpResponse } from '@azure-rest/core-client';
import type { TokenCredential } from '@azure/core-auth';
import { createHttpPoller, type OperationResponse, type OperationState } from '@azure/core-lro';
import { createHttpHeaders, RestError } from '@azure/core-rest-pipeline';
import type { armClientOptions } from './armClientOptions';
import { type Extension, EXTENSIONS_API_VERSION, type PatchExtension } from './extensionModel';
import { extensionFromWire, extensionToWire, type ExtensionWireBody, patchToWire } from './extensionWire';

/** The parts of an AKS cluster's id that the extension routes need. */
export interface ClusterPath {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
}

/**
 * A long-running operation Azure accepted. Waiting can stop (abort the signal) without stopping the operation:
 * Azure carries on and the tree keeps tracking the resource's state.
 */
export interface ExtensionOperation<T> {
  pollUntilDone(options?: { abortSignal?: AbortSignal }): Promise<T>;
  isDone(): boolean;
}

/** How often to poll the operation status when Azure sends no Retry-After; undefined keeps the poller's default. */
export interface OperationOptions {
  readonly updateIntervalInMs?: number;
}

/** More pages than this means a nextLink loop, not a real list. */
const MAX_PAGES = 200;

const EXTENSIONS_PATH =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/{clusterName}/providers/Microsoft.KubernetesConfiguration/extensions';
const EXTENSION_PATH = `${EXTENSIONS_PATH}/{extensionName}`;

/** Azure's error answer as the Azure SDK reports it, so describeAzureError reads it the same way. */
function restErrorOf(response: HttpResponse): RestError {
  const body = response.body as { error?: { code?: string; message?: string } } | undefined;
  const statusCode = Number(response.status);
  const error = new RestError(body?.error?.message ?? `Azure answered ${response.status}.`, {
    code: body?.error?.code,
    statusCode,
    request: response.request,
    response: { status: statusCode, headers: createHttpHeaders(response.headers), request: response.request, bodyAsText: JSON.stringify(body ?? null) },
  });
  error.details = body;
  return error;
}

function checked(response: HttpResponse): HttpResponse {
  if (Number(response.status) >= 400) {
    throw restErrorOf(response);
  }
  return response;
}

function operationResponse(response: HttpResponse): OperationResponse {
  return {
    flatResponse: response.body,
    rawResponse: {
      statusCode: Number(response.status),
      request: { method: response.request.method, url: response.request.url },
      headers: response.headers,
      body: response.body,
    },
  };
}

/**
 * Microsoft.KubernetesConfiguration through the Azure SDK's REST client (@azure-rest/core-client): its pipeline (retry
 * and throttling policies, bearer token), our token host guard, @azure/core-lro for long-running operations, and the
 * current API versions. See README.md for why this replaced @azure/arm-kubernetesconfiguration.
 */
export class KubernetesConfigurationClient {
  private readonly client: Client;

  /** `options` from armClientOptions: the endpoint, the token host guard, the request log, the emulator's certificate. */
  constructor(credential: TokenCredential, options: ReturnType<typeof armClientOptions>) {
    this.client = getClient(options.endpoint, credential, { ...options, credentials: { scopes: [`${options.endpoint}/.default`] } });
  }

  /** GET of one resource under this client's endpoint (a path) or at a URL Azure gave (nextLink, operation status). */
  async getJson(pathOrUrl: string, query: Record<string, string> = {}, abortSignal?: AbortSignal): Promise<unknown> {
    const response = await this.client.pathUnchecked(pathOrUrl).get({ queryParameters: query, abortSignal });
    return checked(response).body;
  }

  /** Every item of a list, following nextLink. */
  async listAll<T>(path: string, query: Record<string, string>): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const body = (await this.getJson(next, page === 0 ? query : {})) as { value?: T[]; nextLink?: string | null } | undefined;
      items.push(...(body?.value ?? []));
      next = body?.nextLink ?? undefined;
    }
    return items;
  }

  async listExtensions(cluster: ClusterPath): Promise<Extension[]> {
    const bodies = await this.listAll<ExtensionWireBody>(this.extensionsPath(cluster), { 'api-version': EXTENSIONS_API_VERSION });
    return bodies.map(extensionFromWire);
  }

  async getExtension(cluster: ClusterPath, name: string): Promise<Extension> {
    const body = await this.getJson(this.extensionPath(cluster, name), { 'api-version': EXTENSIONS_API_VERSION });
    return extensionFromWire(body as ExtensionWireBody);
  }

  /** PUT: resolves once Azure accepted the creation (the resource then reads Creating). */
  beginCreate(cluster: ClusterPath, name: string, extension: Extension, options: OperationOptions = {}): Promise<ExtensionOperation<Extension>> {
    const path = this.extensionPath(cluster, name);
    return this.begin(() => this.client.pathUnchecked(path).put({ queryParameters: this.apiVersion(), body: extensionToWire(extension) }), options, true);
  }

  /** PATCH: only what the patch holds changes; protected settings, when present, replace all the stored ones. */
  beginUpdate(cluster: ClusterPath, name: string, patch: PatchExtension, options: OperationOptions = {}): Promise<ExtensionOperation<Extension>> {
    const path = this.extensionPath(cluster, name);
    return this.begin(() => this.client.pathUnchecked(path).patch({ queryParameters: this.apiVersion(), body: patchToWire(patch) }), options, true);
  }

  /** DELETE; `forceDelete` removes the Azure resource without waiting for the cluster agent (Azure then answers 200 at once). */
  async beginDelete(cluster: ClusterPath, name: string, forceDelete: boolean, options: OperationOptions = {}): Promise<ExtensionOperation<void>> {
    const path = this.extensionPath(cluster, name);
    const query = forceDelete ? { ...this.apiVersion(), forceDelete: 'true' } : this.apiVersion();
    const operation = await this.begin(() => this.client.pathUnchecked(path).delete({ queryParameters: query }), options, false);
    return { pollUntilDone: async (o) => void (await operation.pollUntilDone(o)), isDone: () => operation.isDone() };
  }

  private async begin(send: () => PromiseLike<HttpResponse>, options: OperationOptions, returnsExtension: boolean): Promise<ExtensionOperation<Extension>> {
    const poller = createHttpPoller<Extension, OperationState<Extension>>(
      {
        sendInitialRequest: async () => operationResponse(checked(await send())),
        sendPollRequest: async (url, o) => operationResponse(checked(await this.client.pathUnchecked(url).get({ abortSignal: o?.abortSignal }))),
      },
      {
        intervalInMs: options.updateIntervalInMs,
        resourceLocationConfig: 'azure-async-operation',
        // A force delete answers 200 with a body that is not an extension (see test/emulator/README.md).
        processResult: (result) => Promise.resolve(returnsExtension ? extensionFromWire(result as ExtensionWireBody) : (undefined as unknown as Extension)),
      },
    );
    await poller.submitted();
    return { pollUntilDone: (o) => poller.pollUntilDone(o), isDone: () => poller.isDone };
  }

  private apiVersion(): Record<string, string> {
    return { 'api-version': EXTENSIONS_API_VERSION };
  }

  private extensionsPath(cluster: ClusterPath): string {
    return fill(EXTENSIONS_PATH, { subscriptionId: cluster.subscriptionId, resourceGroupName: cluster.resourceGroup, clusterName: cluster.name });
  }

  private extensionPath(cluster: ClusterPath, name: string): string {
    return fill(EXTENSION_PATH, { subscriptionId: cluster.subscriptionId, resourceGroupName: cluster.resourceGroup, clusterName: cluster.name, extensionName: name });
  }
}

/** A route template with its parameters filled in, each one URL-encoded. */
function fill(template: string, parameters: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(parameters[key]));
}
