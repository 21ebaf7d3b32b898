import type * as vscode from 'vscode';

// What is kept of a line: "[Trace - 10:01:02 AM] Sending notification 'textDocument/didOpen'" and its kin.
const messageName = /^\[(?:Trace|LSP) *- [^\]]*\] (?:Sending|Received) (?:request|notification|response) '[^']*'/;

/**
 * The language client's trace output, cut down to the names of the messages. A trace at the `verbose` or
 * `compact` level (or in the JSON format) adds the messages' parameters, and those hold the text of the documents,
 * protected settings included: whatever level is configured, only the lines naming a message reach the log.
 */
export class MessageNamesOnlyChannel implements vscode.OutputChannel {
  private pending = '';

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get name(): string {
    return this.log.name;
  }

  append(value: string): void {
    this.pending += value;
  }

  appendLine(value: string): void {
    const line = this.pending + value;
    this.pending = '';
    // Even a failed request's error message could quote the document: nothing after the message's name is kept.
    const kept = messageName.exec(line)?.[0];
    if (kept !== undefined) this.log.appendLine(`${kept}.`);
  }

  replace(): void {
    this.pending = '';
  }

  clear(): void {
    this.pending = '';
  }

  show(): void {
    this.log.show(true);
  }

  hide(): void {
    this.log.hide();
  }

  dispose(): void {
    this.pending = '';
  }
}
