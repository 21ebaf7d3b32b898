import * as vscode from 'vscode';
import type { DidOpenTextDocumentParams, LanguageClient, LanguageClientOptions, Middleware } from 'vscode-languageclient/node';
import { loadBundle } from '../activation/loadBundle';
import { configurationSection } from '../shared/protocol';
import type { LanguageClientBundle } from './languageClientBundle';
import { MessageNamesOnlyChannel } from './messageNamesOnlyChannel';
import type { SettingsDocuments } from './settingsDocuments';

/**
 * Starts the language server the first time a settings document is open (as vscode-eslint does),
 * so a window without settings files never pays for a server process.
 */
export class SettingsLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  /** The documents the server has (by URI): settings files only, never another JSON file's text. */
  private readonly attached = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly documents: SettingsDocuments,
  ) {}

  /** The running client, starting it if needed. */
  start(): Promise<LanguageClient> {
    this.starting ??= this.create();
    return this.starting;
  }

  /** Hands the server a document that became a settings file while open (a binding chosen or configured later). */
  async attach(document: vscode.TextDocument): Promise<void> {
    const client = await this.start();
    const key = document.uri.toString();
    if (this.attached.has(key) || document.isClosed || !this.documents.includes(document)) return;
    this.attached.add(key);
    const params: DidOpenTextDocumentParams = {
      textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri), languageId: document.languageId, version: document.version, text: document.getText() },
    };
    // By name: the protocol's message types live in the language client's bundle.
    await client.sendNotification('textDocument/didOpen', params);
  }

  /**
   * The client serves the language `json` and passes on only settings documents: VS Code routes every JSON file here,
   * the way it does for other JSON-file tools, and the settings-file bindings decide which the server sees.
   */
  private middleware(): Middleware {
    const has = (document: vscode.TextDocument): boolean => this.attached.has(document.uri.toString());
    return {
      didOpen: async (document, next) => {
        if (!this.documents.includes(document)) return;
        this.attached.add(document.uri.toString());
        await next(document);
      },
      didChange: async (event, next) => (has(event.document) ? next(event) : undefined),
      didClose: async (document, next) => (this.attached.delete(document.uri.toString()) ? next(document) : undefined),
      provideCompletionItem: (document, position, context, token, next) => (has(document) ? next(document, position, context, token) : []),
      provideHover: (document, position, token, next) => (has(document) ? next(document, position, token) : null),
      provideCodeActions: (document, range, context, token, next) => (has(document) ? next(document, range, context, token) : []),
    };
  }

  /** The client if it is running, without starting it. */
  get running(): Promise<LanguageClient> | undefined {
    return this.starting;
  }

  private async create(): Promise<LanguageClient> {
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'json' }],
      middleware: this.middleware(),
      synchronize: {
        configurationSection,
        // Companion files that are not open still take part in cross-file rules.
        fileEvents: vscode.workspace.createFileSystemWatcher('**/*.json'),
      },
      outputChannel: this.log,
      traceOutputChannel: new MessageNamesOnlyChannel(this.log),
    };
    // The id makes the client read aksClusterExtensions.trace.server.
    const { createLanguageClient } = loadBundle<LanguageClientBundle>('languageClient.js');
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    this.client = createLanguageClient(configurationSection, vscode.l10n.t('AKS Extension Settings'), serverModule, clientOptions);
    this.log.info('Starting the settings language server.');
    await this.client.start();
    return this.client;
  }

  dispose(): void {
    void this.client?.stop();
  }
}
