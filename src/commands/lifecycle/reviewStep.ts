import * as vscode from 'vscode';
import type { StepPosition } from '../../ui/multiStep';
import type { Prompter } from '../../ui/prompter';

export interface Review {
  readonly title: string;
  /** The button that sends, e.g. "Create dapr". */
  readonly action: string;
  /** What will be sent, one line each (protected values never among them). */
  readonly lines: readonly string[];
  /** The equivalent az command line, protected values as placeholders. */
  readonly azCommand: string;
}

type Choice = 'send' | 'copy' | 'look';

/** The last step of every flow: what will be sent, "Copy as az command", and the button that sends. */
export async function confirmReview(prompter: Prompter, review: Review, position?: StepPosition): Promise<boolean> {
  for (;;) {
    const choice = await prompter.pick<Choice>(
      [
        { label: `$(check) ${review.action}`, value: 'send' },
        { label: `$(copy) ${vscode.l10n.t('Copy as az command')}`, detail: review.azCommand, value: 'copy' },
        ...review.lines.map((line) => ({ label: line, value: 'look' as const })),
      ],
      { title: review.title, placeHolder: vscode.l10n.t('Review, then choose {0}', review.action), ...position },
    );
    if (choice === undefined) {
      return false;
    }
    if (choice === 'send') {
      return true;
    }
    if (choice === 'copy') {
      await vscode.env.clipboard.writeText(review.azCommand);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the az command'), 3000);
    }
  }
}
