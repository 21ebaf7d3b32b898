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

  it('counts a nested flow in the outer counter, and Back from its first step returns to the outer previous step', async () => {
    const seen: string[] = [];
    const script = ['a', 'b', 'back', 'back', 'a2', 'b2', 'c', 'd'];
    const ask = (name: string) => ({
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
    const nested = { size: () => 2, run: (state: State, position: StepPosition) => runSteps([ask('c'), ask('d')], state, position) };
    const state: State = { answers: [], skipSecond: false };
    assert.equal(await runSteps([ask('a'), ask('b'), nested], state), true);
    assert.deepEqual(seen, ['a 1/4', 'b 2/4 back', 'c 3/4 back', 'b 2/4 back', 'a 1/4', 'b 2/4 back', 'c 3/4 back', 'd 4/4 back']);
    assert.deepEqual(state.answers, ['a=a', 'b=b', 'a=a2', 'b=b2', 'c=c', 'd=d']);
  });

  it('stops when a step is cancelled', async () => {
    const done = await runSteps([{ run: () => Promise.resolve(false) }, { run: () => Promise.reject(new Error('never')) }], {});
    assert.equal(done, false);
  });
});
