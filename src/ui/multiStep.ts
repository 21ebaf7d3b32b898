import { isGoBack } from './prompter';

/** Where a step stands in the flow, for the prompter's step counter and Back button. */
export interface StepPosition {
  readonly step: number;
  readonly totalSteps: number;
  readonly canGoBack: boolean;
  /** How many of the counted questions the step stands for, when it is a nested flow (its Step.size). */
  readonly size?: number;
}

/** One question (or a small group of them) of a multi-step input. */
export interface Step<S> {
  /** False when the step does not apply to the answers so far; it is skipped going forwards and backwards. */
  readonly when?: (state: S) => boolean;
  /** How many questions the step counts for when it runs a nested flow (runSteps `within` its position); 1 when absent. */
  readonly size?: (state: S) => number;
  /** Asks and writes the answer into the state; resolves false when the user cancelled. */
  run(state: S, position: StepPosition): Promise<boolean>;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * Runs the steps in order; Back (a GoBackError) returns to the previous step that applies, keeping the answers given so
 * far as defaults. Resolves false when the user cancelled.
 *
 * `within` is the position of the step these steps fill when they are one step of a larger flow (a wizard after a
 * picker): they are counted in that flow's counter, so the user sees one wizard, and Back from the first of them
 * rejects with the GoBackError, which the larger flow turns into its previous step.
 */
export async function runSteps<S>(steps: readonly Step<S>[], state: S, within?: StepPosition): Promise<boolean> {
  const applies = (index: number): boolean => steps[index].when?.(state) ?? true;
  const history: number[] = [];
  let index = 0;
  while (index < steps.length) {
    if (!applies(index)) {
      index++;
      continue;
    }
    const sizes = steps.map((step, i) => (applies(i) ? (step.size?.(state) ?? 1) : 0));
    const size = steps[index].size?.(state);
    const position: StepPosition = {
      step: (within?.step ?? 1) + sum(sizes.slice(0, index)),
      totalSteps: (within?.totalSteps ?? 1) - (within?.size ?? 1) + sum(sizes),
      canGoBack: history.length > 0 || within?.canGoBack === true,
      ...(size === undefined ? {} : { size }),
    };
    try {
      if (!(await steps[index].run(state, position))) {
        return false;
      }
      history.push(index);
      index++;
    } catch (err) {
      if (!isGoBack(err) || history.length === 0) {
        throw err;
      }
      index = history.pop() ?? 0;
    }
  }
  return true;
}
