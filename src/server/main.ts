// Entry point of dist/server.js: the settings-file language server over the transport the client chose.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startSettingsServer } from './settingsServer';

startSettingsServer(createConnection(ProposedFeatures.all));
