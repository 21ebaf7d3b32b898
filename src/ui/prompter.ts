import type * as vscode from 'vscode';

/** One choice offered to the user. */
export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
  readonly picked?: boolean;
  /** Items with the same group follow a separator with its name (e.g. the subscription of clusters). */
  readonly group?: string;
}

export interface PickOptions {
  readonly title: string;
  readonly placeHolder?: string;
  /** Step counter for multi-step input, e.g. { step: 2, totalSteps: 7 }. */
  readonly step?: number;
  readonly totalSteps?: number;
  /** Shows a Back button; pressing it rejects with GoBackError so a multi-step flow can return to the previous step. */
  readonly canGoBack?: boolean;
}

export interface InputOptions extends PickOptions {
  readonly value?: string;
  readonly prompt?: string;
  readonly password?: boolean;
  /** Returns an error message for an invalid value, undefined when it is fine. */
  readonly validate?: (value: string) => string | undefined;
}

export interface FileOptions {
  readonly title: string;
  /** File dialog filters, e.g. { JSON: ['json'] }. */
  readonly filters?: Record<string, string[]>;
}

/** Thrown by a prompter when the user pressed Back (the vscode-azext-utils convention); tests throw it to go back. */
export class GoBackError extends Error {
  constructor() {
    super('Back');
    this.name = 'GoBackError';
  }
}

/** True for a GoBackError, also one from another bundle of this code (tests load the sources, the extension its bundle). */
export function isGoBack(err: unknown): boolean {
  return err instanceof Error && err.name === 'GoBackError';
}

/**
 * Everything commands ask the user goes through this interface, so integration tests can answer the questions
 * while the rest of the command (Azure calls, tree updates, documents) runs for real.
 */
export interface Prompter {
  /** One choice; undefined when the user cancelled. */
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined>;
  /** Several choices; undefined when the user cancelled. */
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A file the user chooses (its file-system path); undefined when the user cancelled. */
  pickFile(options: FileOptions): Promise<string | undefined>;
  /** A non-modal message with optional actions; resolves to the action chosen, undefined when dismissed. */
  notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined>;
  /** A modal question; true only when the user chose `yes`. */
  confirm(message: string, detail: string, yes: string): Promise<boolean>;
  /**
   * Runs a long task under a progress notification with a Cancel button; the token fires when the user cancels.
   * `report` shows how far it is (`increment` in percent of the whole).
   */
  withProgress<R>(title: string, task: (token: vscode.CancellationToken, report: (message: string, increment?: number) => void) => Promise<R>): Promise<R>;
}
