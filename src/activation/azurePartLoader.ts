import * as vscode from 'vscode';
import type { AzurePart, AzurePartHost, AzurePartModule } from './azurePartHost';
import { loadBundle } from './loadBundle';

/**
 * Loads the Azure part on first need and stands in for its commands until then: each contributed command is
 * registered as a proxy that loads the part (which registers the real command under the same id) and runs it.
 */
export class AzurePartLoader implements vscode.Disposable {
  private part: AzurePart | undefined;
  private failure: unknown;
  private proxies: vscode.Disposable[] = [];

  constructor(private readonly host: () => AzurePartHost) {}

  get loaded(): boolean {
    return this.part !== undefined;
  }

  /** Registers a proxy for each command id; a proxy passes its arguments through unchanged (tree nodes, URIs). */
  proxyCommands(ids: readonly string[]): void {
    this.proxies = ids.map((id) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        this.load();
        return vscode.commands.executeCommand(id, ...args);
      }),
    );
  }

  /** The Azure part, loaded and activated the first time this is called. */
  load(): AzurePart {
    if (this.part) {
      return this.part;
    }
    // A part that failed halfway may have registered some commands: loading it again would register them twice.
    if (this.failure !== undefined) {
      throw this.failure;
    }
    // The real commands take over the proxies' ids, which must be free first.
    this.disposeProxies();
    try {
      this.part = loadBundle<AzurePartModule>('azure.js').activateAzurePart(this.host());
      return this.part;
    } catch (err) {
      this.failure = err;
      this.host().log.error(`The Azure part of the extension did not load: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      throw err;
    }
  }

  deactivate(): Promise<void> | undefined {
    return this.part?.deactivate();
  }

  dispose(): void {
    this.disposeProxies();
  }

  private disposeProxies(): void {
    this.proxies.forEach((proxy) => proxy.dispose());
    this.proxies = [];
  }
}
