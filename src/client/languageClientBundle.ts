// A bundle of its own (dist/languageClient.js, src/activation/README.md): vscode-languageclient would otherwise be
// most of the entry that every JSON file activates, and only settings files need it.
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The client of the settings language server (dist/server.js), over IPC. */
export function createLanguageClient(id: string, name: string, serverModule: string, clientOptions: LanguageClientOptions): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return new LanguageClient(id, name, serverOptions, clientOptions);
}

export interface LanguageClientBundle {
  createLanguageClient: typeof createLanguageClient;
}
