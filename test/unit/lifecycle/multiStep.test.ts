import * as assert from 'node:assert/strict';
import { runSteps, type StepPosition } from '../../../src/ui/multiStep';
import { GoBackError } from '../../../src/ui/prompter';

interface State {
  answers: string[];
  skipSecond: boolean;
}

describe('multi-step input', () => {
  it('counts only the steps that apply, goes back to the previous one that applied, and keeps answers', async () => {
    const seen: string[] = [];
    const script = ['a', 'c', 'back', 'c2', 'd'];
    const step = (name: string, when?: (s: State) => boolean) => ({
      when,
      run: (state: State, position: StepPosition): Promise<boolean> => {
        seen.push(`${name} ${position.step}/${position.totalSteps}${position.canGoBack ? ' back' : ''}`);
        const answer = script.shift();
        if (answer === 'back') {
          return Promise.reject(new GoBackError());
        }
        state.answers.push(`${name}=${answer ?? ''}`);
        return Promise.resolve(true);
      },
    });
    const state: State = { answers: [], skipSecond: true };
    const done = await runSteps([step('one'), step('two', (s) => !s.skipSecond), step('three'), step('four')], state);
    assert.equal(done, true);
    assert.deepEqual(seen, ['one 1/3', 'three 2/3 back', 'four 3/3 back', 'three 2/3 back', 'four 3/3 back']);
    assert.deepEqual(state.answers, ['one=a', 'three=c', 'three=c2', 'four=d']);
  });

  it('stops when a step is cancelled', async () => {
    const done = await runSteps([{ run: () => Promise.resolve(false) }, { run: () => Promise.reject(new Error('never')) }], {});
    assert.equal(done, false);
  });
});
