import * as vscode from 'vscode';
import type { StepPosition } from '../../ui/multiStep';
import { GoBackError, type PickItem, type Prompter } from '../../ui/prompter';

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
  /** What the user must know before anything else (why a recreate is needed): listed first of all. */
  readonly context?: readonly string[];
  /** The shared rules' errors: listed first, and nothing can be sent; a flow with Back offers going back to fix them. */
  readonly errors?: readonly string[];
  /** How it is carried out, changeable right here (a rollout's canary and failure threshold): listed before the button. */
  readonly adjustments?: readonly ReviewAdjustment[];
}

/** A choice the review shows with its current value; picking it asks again, then the review shows the new value. */
export interface ReviewAdjustment {
  /** The row, e.g. "Canary: the first cluster alone, then the rest". */
  label(): string;
  /** Asks for the new value (keeps the old one when the user cancels the question). */
  change(): Promise<void>;
}

type Choice = 'send' | 'copy' | 'back' | 'look' | ReviewAdjustment;

/** Characters a row of the quick pick (600 pixels at most) shows before it cuts the text off. */
const ROW_CHARACTERS = 78;

/** Greedy word wrap into rows of at most `width` characters (a longer word gets a row of its own). */
function wrap(text: string, width: number): string[] {
  const rows: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = rows.length - 1;
    if (last >= 0 && rows[last].length + 1 + word.length <= width) {
      rows[last] = `${rows[last]} ${word}`;
    } else {
      rows.push(word);
    }
  }
  return rows;
}

/**
 * A message of the rules as items that show it whole: a quick pick row never wraps, so the text is wrapped here into
 * label and detail rows (the detail's hover shows its row in full should a narrow window cut it).
 */
function messageItems(icon: string, message: string): PickItem<Choice>[] {
  const rows = wrap(message, ROW_CHARACTERS);
  const items: PickItem<Choice>[] = [];
  for (let i = 0; i < rows.length; i += 2) {
    items.push({ label: i === 0 && icon ? `${icon} ${rows[i]}` : rows[i], detail: rows[i + 1], value: 'look' });
  }
  return items;
}

function placeHolder(review: Review, errors: readonly string[], warnings: readonly string[]): string {
  if (errors.length > 0) {
    return vscode.l10n.t('Fix the {0} error(s) to go on: nothing is sent', errors.length);
  }
  return warnings.length > 0
    ? vscode.l10n.t('Review the {0} warning(s), then choose {1} or go back', warnings.length, review.action)
    : vscode.l10n.t('Review, then choose {0}', review.action);
}

/** The button that sends; with errors, going back instead (when the flow has Back), since nothing can be sent. */
function sendOrBack(review: Review, errors: readonly string[], warnings: readonly string[], canGoBack: boolean): PickItem<Choice>[] {
  if (errors.length > 0) {
    return canGoBack ? [{ label: `$(arrow-left) ${vscode.l10n.t('Go back to change the answers')}`, value: 'back' }] : [];
  }
  return warnings.length > 0
    ? [{ label: `$(warning) ${vscode.l10n.t('{0} despite {1} warning(s)', review.action, warnings.length)}`, value: 'send' }]
    : [{ label: `$(check) ${review.action}`, value: 'send' }];
}

/**
 * The last step of every flow: the errors and warnings, what will be sent, "Copy as az command", and the button that
 * sends. With warnings, that button names them, so going on is a choice made knowing them; with errors there is none.
 */
export async function confirmReview(prompter: Prompter, review: Review, position?: StepPosition): Promise<boolean> {
  const errors = review.errors ?? [];
  const warnings = review.warnings ?? [];
  for (;;) {
    const choice = await prompter.pick<Choice>(
      [
        // What will happen comes first and the actions last: the row active when the list opens only shows text, so a
        // stray Enter sends nothing; sending is a choice of its own.
        ...(review.context ?? []).flatMap((line) => messageItems('', line)),
        ...errors.flatMap((error) => messageItems('$(error)', error)),
        ...warnings.flatMap((warning) => messageItems('$(warning)', warning)),
        ...review.lines.flatMap((line) => messageItems('', line)),
        ...(review.adjustments ?? []).map((a): PickItem<Choice> => ({ label: `$(settings-gear) ${a.label()}`, detail: vscode.l10n.t('Choose to change'), value: a })),
        ...sendOrBack(review, errors, warnings, position?.canGoBack ?? false),
        { label: `$(copy) ${vscode.l10n.t('Copy as az command')}`, detail: review.azCommand, value: 'copy' },
      ],
      { title: review.title, placeHolder: placeHolder(review, errors, warnings), ...position },
    );
    if (choice === undefined) {
      return false;
    }
    if (choice === 'send') {
      return true;
    }
    if (choice === 'back') {
      throw new GoBackError();
    }
    if (choice === 'copy') {
      await vscode.env.clipboard.writeText(review.azCommand);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the az command'), 3000);
    } else if (typeof choice === 'object') {
      await choice.change();
    }
  }
}
