/**
 * Input policy (src/io/inputDigits.ts, validate.ts, outputPath.ts): digits vs precision, sizes, depth, output paths.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitDigits, significantDigits } from '../../src/io/inputDigits.ts';
import { decimalString, parseJson } from '../../src/io/validate.ts';
import { checkOutputPath } from '../../src/io/outputPath.ts';
import { parseFlowConfig } from '../../src/io/flowConfig.ts';
import { UsageError } from '../../src/io/UsageError.ts';

describe('input digits', () => {
  it('counts significant digits of the exact mantissa', () => {
    expect(significantDigits('1.2300e5')).toBe(3);
    expect(significantDigits('1000')).toBe(1);
    expect(significantDigits('-0.00012')).toBe(2);
    expect(significantDigits('0')).toBe(0);
    expect(significantDigits('1.0000000000000000000000000000000000000000000000000001')).toBe(53);
  });
  it('refuses more digits than the precision, naming the field; rounds with a warning when asked', () => {
    const long = '1.0000000000000000000000000000000000000000000000000001';
    expect(() => fitDigits({ precision: 50, round: false, warnings: [] }, 'u0[1]', long)).toThrow(/u0\[1\].*53 significant digits.*precision 50/);
    const warnings: string[] = [];
    expect(fitDigits({ precision: 50, round: true, warnings }, 'u0[1]', long)).toBe('1');
    expect(warnings[0]).toMatch(/u0\[1\] rounded from 53 to 50/);
    expect(fitDigits({ precision: 60, round: false, warnings: [] }, 'u0[1]', long)).toBe(long);
  });
  it('flow configs apply the policy to every decimal field', () => {
    const cfg = { algo: 'sam-l2', rho: '1', x: ['0.5', '1'], u0: ['1', '1'], v0: ['1', '1.00000000001'], s: '1', precision: 10 };
    expect(() => parseFlowConfig(cfg)).toThrow(/v0\[1\]/);
    const w: string[] = [];
    expect(parseFlowConfig(cfg, { roundInputs: true, warnings: w }).W0[1]![1]).toBe('1');
    expect(w).toHaveLength(1);
  });
});

describe('size and depth limits', () => {
  it('refuses 1 MB digit strings before parsing them', () => {
    expect(() => decimalString('eta', '0.' + '1'.repeat(1_000_000))).toThrow(/eta.*characters/);
  });
  it('refuses deeply nested JSON with a UsageError (no stack overflow)', () => {
    expect(() => parseJson('['.repeat(100000) + ']'.repeat(100000), 'config')).toThrow(UsageError);
    expect(() => parseJson('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', 'config')).not.toThrow();
  });
});

describe('output paths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samcheck-out-'));
  it('accepts a new file in an existing directory', () => expect(checkOutputPath('--plot', join(dir, 'a.svg'))).toBe(join(dir, 'a.svg')));
  it('refuses empty names, missing directories and directories', () => {
    expect(() => checkOutputPath('--plot', '')).toThrow(/--plot: empty/);
    expect(() => checkOutputPath('--plot', join(dir, 'no', 'a.svg'))).toThrow(/does not exist/);
    expect(() => checkOutputPath('--plot', dir)).toThrow(/is a directory/);
  });
});
