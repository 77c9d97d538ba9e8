import { StepsUnderWay } from '../../apps/api/steps-under-way';

it('says a step is alone on its case until it ends, whatever other cases have under way', () => {
  const steps = new StepsUnderWay();
  expect([steps.begin('a'), steps.begin('b'), steps.begin('a'), steps.begin('a')]).toEqual([true, true, false, false]);
  steps.end('a');
  steps.end('a');
  expect(steps.begin('a')).toBe(false);
  steps.end('a');
  steps.end('a');
  expect(steps.begin('a')).toBe(true);
  steps.end('b');
  expect(steps.begin('b')).toBe(true);
});
