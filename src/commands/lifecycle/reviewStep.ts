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
  /** The shared rules' warnings: listed first, and the button that sends says it goes on despite them. */
  readonly warnings?: readonly string[];
}

type Choice = 'send' | 'copy' | 'look';

/**
 * The last step of every flow: the warnings, what will be sent, "Copy as az command", and the button that sends. With
 * warnings, that button names them, so going on is a choice made knowing them.
 */
export async function confirmReview(prompter: Prompter, review: Review, position?: StepPosition): Promise<boolean> {
  const warnings = review.warnings ?? [];
  const send = warnings.length > 0
    ? { label: `$(warning) ${vscode.l10n.t('{0} despite {1} warning(s)', review.action, warnings.length)}`, value: 'send' as const }
    : { label: `$(check) ${review.action}`, value: 'send' as const };
  for (;;) {
    const choice = await prompter.pick<Choice>(
      [
        ...warnings.map((warning) => ({ label: `$(warning) ${warning}`, value: 'look' as const })),
        send,
        { label: `$(copy) ${vscode.l10n.t('Copy as az command')}`, detail: review.azCommand, value: 'copy' },
        ...review.lines.map((line) => ({ label: line, value: 'look' as const })),
      ],
      {
        title: review.title,
        placeHolder: warnings.length > 0
          ? vscode.l10n.t('Review the {0} warning(s), then choose {1} or go back', warnings.length, review.action)
          : vscode.l10n.t('Review, then choose {0}', review.action),
        ...position,
      },
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
