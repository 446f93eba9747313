/**
 * The simulate config parser in-process (fast): valid shapes pass, every bad field throws a
 * one-line UsageError naming the field. The same inputs go through the real CLI in
 * tests/cli/simulate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseSimulationConfig } from '../../src/io/simulationConfig.ts';
import { UsageError } from '../../src/io/UsageError.ts';

const GOOD = {
  algo: 'sam-l2',
  loss: 'logistic',
  eta: '0.05',
  rho: '1',
  steps: 400,
  precision: 60,
  X: [['0.5', '1', '2']],
  Y: ['1'],
  W0: [
    ['0.6', '0.6', '0.6'],
    ['0.6', '0.6', '0.6'],
  ],
};
const withField = (k: string, v: unknown) => ({ ...GOOD, [k]: v });

describe('valid configs', () => {
  it('the issue example parses, extra keys are ignored', () => {
    const c = parseSimulationConfig({ ...GOOD, name: 'example', comment: 42 });
    expect(c).toMatchObject({ algo: 'sam-l2', loss: 'logistic', eta: '0.05', rho: '1', steps: 400, precision: 60, Y: [1] });
    expect(c.W0).toHaveLength(2);
  });
  it.each([
    { patch: { loss: undefined }, check: (c: ReturnType<typeof parseSimulationConfig>) => c.loss === 'logistic', why: 'loss defaults to logistic' },
    { patch: { precision: undefined }, check: (c: ReturnType<typeof parseSimulationConfig>) => c.precision === 50, why: 'precision defaults to 50' },
    { patch: { algo: 'gd', rho: undefined }, check: (c: ReturnType<typeof parseSimulationConfig>) => c.rho === '0', why: 'GD needs no rho' },
    { patch: { steps: 0 }, check: (c: ReturnType<typeof parseSimulationConfig>) => c.steps === 0, why: 'zero steps is a valid run' },
    { patch: { Y: ['-1'] }, check: (c: ReturnType<typeof parseSimulationConfig>) => c.Y[0] === -1, why: 'label −1' },
    { patch: { rho: '0' }, check: (c: ReturnType<typeof parseSimulationConfig>) => c.rho === '0', why: 'ρ = 0 is allowed (SAM reduces to GD)' },
    { patch: { W0: [['1', '2', '3']] }, check: (c: ReturnType<typeof parseSimulationConfig>) => c.W0.length === 1, why: 'L = 1' },
    {
      patch: { eta: '1e-400' },
      check: (c: ReturnType<typeof parseSimulationConfig>) => c.eta === '1e-400',
      why: 'positive though below float64 range: no float64 in validation',
    },
  ])('$why', ({ patch, check }) => {
    expect(check(parseSimulationConfig({ ...GOOD, ...patch }))).toBe(true);
  });
});

describe('bad configs throw a one-line UsageError naming the field', () => {
  it.each([
    { raw: [1, 2], field: 'config', why: 'not an object' },
    { raw: withField('algo', 'adam'), field: 'algo', why: 'unknown algorithm' },
    { raw: withField('loss', 'hinge'), field: 'loss', why: 'unknown loss' },
    { raw: withField('eta', 0.05), field: 'eta', why: 'JSON number instead of a decimal string' },
    { raw: withField('eta', '0'), field: 'eta', why: 'η = 0' },
    { raw: withField('eta', '-0.1'), field: 'eta', why: 'η < 0' },
    { raw: withField('eta', 'NaN'), field: 'eta', why: 'NaN string' },
    { raw: withField('rho', '-1e-400'), field: 'rho', why: 'ρ < 0 beyond float64 resolution' },
    { raw: withField('rho', 'Infinity'), field: 'rho', why: 'Infinity string' },
    { raw: withField('steps', -1), field: 'steps', why: 'negative steps' },
    { raw: withField('steps', 2.5), field: 'steps', why: 'fractional steps' },
    { raw: withField('steps', 'many'), field: 'steps', why: 'non-numeric steps' },
    { raw: withField('precision', 9), field: 'precision', why: 'precision below 10' },
    { raw: withField('precision', 1001), field: 'precision', why: 'precision above 1000' },
    { raw: withField('X', []), field: 'X', why: 'no examples' },
    { raw: withField('X', [['0.5', 'abc', '2']]), field: 'X[0][1]', why: 'non-numeric entry' },
    {
      raw: withField('X', [
        ['0.5', '1', '2'],
        ['1', '2'],
      ]),
      field: 'X[1]',
      why: 'ragged rows',
    },
    { raw: withField('X', [['0.5', '1', '1e99999999999999999']]), field: 'X[0][2]', why: 'exponent beyond the representable range' },
    { raw: withField('Y', ['1', '1']), field: 'Y', why: 'Y length ≠ n' },
    { raw: withField('Y', ['0']), field: 'Y[0]', why: 'label 0' },
    { raw: withField('Y', [1]), field: 'Y[0]', why: 'label as a JSON number' },
    { raw: withField('W0', []), field: 'W0', why: 'L < 1' },
    {
      raw: withField('W0', [
        ['0.6', '0.6'],
        ['0.6', '0.6'],
      ]),
      field: 'W0[0]',
      why: 'row length ≠ d',
    },
    { raw: withField('W0', [['0.6', '0.6', '-Infinity']]), field: 'W0[0][2]', why: '-Infinity entry' },
    { raw: { ...GOOD, X: undefined }, field: 'X', why: 'missing required field' },
  ])('$why', ({ raw, field }) => {
    let err: unknown;
    try {
      parseSimulationConfig(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    const msg = (err as Error).message;
    expect(msg).not.toContain('\n');
    expect(msg).toContain(field);
  });
});
