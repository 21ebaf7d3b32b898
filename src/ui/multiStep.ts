import { isGoBack } from './prompter';

/** Where a step stands in the flow, for the prompter's step counter and Back button. */
export interface StepPosition {
  readonly step: number;
  readonly totalSteps: number;
  readonly canGoBack: boolean;
}

/** One question (or a small group of them) of a multi-step input. */
export interface Step<S> {
  /** False when the step does not apply to the answers so far; it is skipped going forwards and backwards. */
  readonly when?: (state: S) => boolean;
  /** Asks and writes the answer into the state; resolves false when the user cancelled. */
  run(state: S, position: StepPosition): Promise<boolean>;
}

/**
 * Runs the steps in order; Back (a GoBackError) returns to the previous step that applies, keeping the answers given so
 * far as defaults. Resolves false when the user cancelled.
 */
export async function runSteps<S>(steps: readonly Step<S>[], state: S): Promise<boolean> {
  const applies = (index: number): boolean => steps[index].when?.(state) ?? true;
  const history: number[] = [];
  let index = 0;
  while (index < steps.length) {
    if (!applies(index)) {
      index++;
      continue;
    }
    const active = steps.filter((_, i) => applies(i));
    const position: StepPosition = { step: active.indexOf(steps[index]) + 1, totalSteps: active.length, canGoBack: history.length > 0 };
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
