import * as vscode from 'vscode';
import { type FileOptions, GoBackError, type InputOptions, type PickItem, type PickOptions, type Prompter } from '../../../src/ui/prompter';

/** One scripted answer: used by the first question whose text (title | placeholder | prompt, or message) matches `when`. */
export interface ScriptedAnswer {
  readonly when: RegExp;
  /** The label (substring or pattern) of the item to pick. */
  readonly pick?: string | RegExp;
  readonly pickMany?: readonly (string | RegExp)[];
  readonly input?: string;
  readonly file?: string;
  readonly confirm?: boolean;
  /** The action to choose in a non-modal message. */
  readonly choose?: string;
  /** Press Back instead of answering. */
  readonly back?: true;
  /** Press Cancel on the progress notification whose title matches, once the task has started. */
  readonly cancel?: true;
}

function labelMatches(label: string, wanted: string | RegExp): boolean {
  return typeof wanted === 'string' ? label.includes(wanted) : wanted.test(label);
}

/**
 * Answers a command's questions from a script, in order, and records every question and message, so a test can run
 * a command for real and check what it asked and said. A question without a scripted answer fails the test.
 */
export class ScriptedPrompter implements Prompter {
  readonly questions: string[] = [];
  readonly messages: { severity: string; message: string }[] = [];
  readonly confirmations: { message: string; detail: string }[] = [];
  readonly steps: { step?: number; totalSteps?: number; canGoBack?: boolean }[] = [];
  readonly progress: string[] = [];
  /** What progress notifications reported ("3 of 5, about 2 s left"), in order. */
  readonly progressReports: string[] = [];
  /** The items of every pick, with its question, as the user saw them. */
  readonly offered: { question: string; items: { label: string; description?: string; detail?: string; group?: string; picked?: boolean }[] }[] = [];

  constructor(private readonly answers: ScriptedAnswer[]) {}

  /** Answers not used yet (a test checks it is empty when every question should have been asked). */
  get unused(): readonly ScriptedAnswer[] {
    return this.answers;
  }

  private take(text: string): ScriptedAnswer {
    this.questions.push(text);
    const index = this.answers.findIndex((a) => a.when.test(text));
    if (index < 0) {
      throw new Error(`No scripted answer for: ${text}`);
    }
    const [answer] = this.answers.splice(index, 1);
    if (answer.back) {
      throw new GoBackError();
    }
    return answer;
  }

  private text(options: PickOptions & { prompt?: string }): string {
    this.steps.push({ step: options.step, totalSteps: options.totalSteps, canGoBack: options.canGoBack });
    return [options.title, options.placeHolder, options.prompt].filter(Boolean).join(' | ');
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    const question = this.text(options);
    this.offer(question, items);
    const answer = this.take(question);
    const wanted = answer.pick;
    const item = wanted === undefined ? undefined : items.find((i) => labelMatches(i.label, wanted));
    if (wanted !== undefined && !item) {
      throw new Error(`"${String(wanted)}" is not among: ${items.map((i) => i.label).join(' / ')}`);
    }
    return Promise.resolve(item?.value);
  }

  private offer<T>(question: string, items: readonly PickItem<T>[]): void {
    this.offered.push({ question, items: items.map((i) => ({ label: i.label, description: i.description, detail: i.detail, group: i.group, picked: i.picked })) });
  }

  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined> {
    const question = this.text(options);
    this.offer(question, items);
    const answer = this.take(question);
    return Promise.resolve(answer.pickMany && items.filter((i) => answer.pickMany?.some((w) => labelMatches(i.label, w))).map((i) => i.value));
  }

  input(options: InputOptions): Promise<string | undefined> {
    const answer = this.take(this.text(options));
    const problem = answer.input === undefined ? undefined : options.validate?.(answer.input);
    if (problem) {
      throw new Error(`"${answer.input ?? ''}" was refused: ${problem}`);
    }
    return Promise.resolve(answer.input);
  }

  pickFile(options: FileOptions): Promise<string | undefined> {
    return Promise.resolve(this.take(options.title).file);
  }

  notify(severity: 'info' | 'warning' | 'error', message: string): Promise<string | undefined> {
    this.messages.push({ severity, message });
    const index = this.answers.findIndex((a) => a.choose !== undefined && a.when.test(message));
    if (index < 0) {
      return Promise.resolve(undefined);
    }
    const [answer] = this.answers.splice(index, 1);
    return Promise.resolve(answer.choose);
  }

  async withProgress<R>(title: string, task: (token: vscode.CancellationToken, report: (message: string, increment?: number) => void) => Promise<R>): Promise<R> {
    this.progress.push(title);
    const index = this.answers.findIndex((a) => a.cancel === true && a.when.test(title));
    const source = new vscode.CancellationTokenSource();
    if (index >= 0) {
      this.answers.splice(index, 1);
      setTimeout(() => source.cancel(), 100);
    }
    try {
      return await task(source.token, (message) => this.progressReports.push(message));
    } finally {
      source.dispose();
    }
  }

  confirm(message: string, detail: string): Promise<boolean> {
    this.confirmations.push({ message, detail });
    return Promise.resolve(this.take(message).confirm === true);
  }
}
