import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { configurationSection, settingsLanguageId } from '../shared/protocol';
import { MessageNamesOnlyChannel } from './messageNamesOnlyChannel';

/**
 * Starts the language server the first time a settings document is open (as vscode-eslint does),
 * so a window without settings files never pays for a server process.
 */
export class SettingsLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The running client, starting it if needed. */
  start(): Promise<LanguageClient> {
    this.starting ??= this.create();
    return this.starting;
  }

  /** The client if it is running, without starting it. */
  get running(): Promise<LanguageClient> | undefined {
    return this.starting;
  }

  private async create(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: settingsLanguageId }],
      synchronize: {
        configurationSection,
        // Companion files that are not open still take part in cross-file rules.
        fileEvents: vscode.workspace.createFileSystemWatcher('**/*.json'),
      },
      outputChannel: this.log,
      traceOutputChannel: new MessageNamesOnlyChannel(this.log),
    };
    // The id makes the client read aksClusterExtensions.trace.server.
    this.client = new LanguageClient(configurationSection, vscode.l10n.t('AKS Extension Settings'), serverOptions, clientOptions);
    this.log.info('Starting the settings language server.');
    await this.client.start();
    return this.client;
  }

  dispose(): void {
    void this.client?.stop();
  }
}
