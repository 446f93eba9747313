import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { parseClaimFile, readClaimFile } from '../../src/userclaims/claimFile.ts';
import { runClaim } from '../../src/userclaims/runClaim.ts';

const ex = (f: string) => resolve(__dirname, '../../examples', f);

describe('runClaim', () => {
  it('examples/gd-closed-form.json: passes with a tiny margin and symbolic residual 0', async () => {
    const spec = readClaimFile(ex('gd-closed-form.json')).claims[0]!;
    const r = await runClaim(spec, { runs: 15 });
    expect(r.status).toBe('pass');
    expect(r.draws.evaluated).toBe(15);
    expect(Number(r.margin)).toBeLessThan(1e-30);
    expect(r.symbolic.verdict).toBe('zero');
  });

  it('a wrong closed form fails numerically and symbolically (non-zero residual)', async () => {
    const spec = parseClaimFile(
      {
        id: 'wrong',
        model: { algo: 'gd' },
        domain: { d: '2', x: '0.1..2', start: { alpha: '0.01..1' }, s: '0..3' },
        quantity: 'beta_1(s)',
        expected: 'alpha^2*exp(x_1*s)',
        tolerance: { rel: '1e-20' },
        draws: '30',
      },
      'f',
    ).claims[0]!;
    const r = await runClaim(spec, { seed: 5 });
    expect(r.status).toBe('fail');
    expect(r.counterexample).not.toBeNull();
    expect(r.symbolic.verdict).toBe('nonzero');
    // replaying the recorded path reproduces the same counterexample
    const again = await runClaim(spec, { seed: r.replay!.seed, path: r.replay!.path });
    expect(again.status).toBe('fail');
    expect(again.counterexample!.input).toEqual(r.counterexample!.input);
    expect(again.counterexample!.margin).toBe(r.counterexample!.margin);
  });

  it('examples/linf-threshold.yaml: false, shrunk counterexample in a mixed quadrant, replay reproduces it', async () => {
    const spec = readClaimFile(ex('linf-threshold.yaml')).claims[0]!;
    const r = await runClaim(spec, { symbolic: false });
    expect(r.status).toBe('fail');
    const c = r.counterexample!;
    const u = Number((c.input.u0 as string[])[0]);
    const v = Number((c.input.v0 as string[])[0]);
    expect(u * v).toBeLessThan(0); // the first-quadrant rule only fails in the mixed quadrants
    expect(c.values["fate_1 == 'escape'"]).toBe('true');
    const again = await runClaim(spec, { seed: r.replay!.seed, path: r.replay!.path, symbolic: false });
    expect(again.counterexample!.input).toEqual(c.input);
  });

  it('examples/l2-escape-partial.json: fails on the whole range, holds above the critical scale', async () => {
    const [all, part] = readClaimFile(ex('l2-escape-partial.json')).claims;
    const ra = await runClaim(all!, { runs: 20, symbolic: false });
    expect(ra.status).toBe('fail');
    expect(ra.counterexample!.values.fate).toBe("'collapse'");
    expect(ra.census!.held).toBeGreaterThan(0);
    expect(ra.census!.violated).toBeGreaterThan(0);
    const rp = await runClaim(part!, { runs: 20, symbolic: false });
    expect(rp.status).toBe('pass');
  });

  it('a tolerance finer than the working precision is a usage error', async () => {
    const spec = parseClaimFile(
      {
        id: 'p',
        model: { algo: 'gd' },
        domain: { d: '1', x: '1', start: { alpha: '1' } },
        quantity: 'beta_1',
        expected: 'exp(2*s)',
        tolerance: { digits: '60' },
        precision: '40',
      },
      'f',
    ).claims[0]!;
    await expect(runClaim(spec, { symbolic: false })).rejects.toThrow(/finer than 40 digits/);
  });
});

describe('symbolic residual of l2-SAM closed forms (B3 tau reduction)', () => {
  const mk = (expected: string) =>
    parseClaimFile(
      {
        id: 'l2',
        model: { algo: 'sam-l2' },
        domain: { d: '2', x: '0.5..2', start: { alpha: '0.6..1' }, rho: '0.5', s: '0..2' },
        quantity: 'beta_1(s)',
        expected,
        tolerance: { digits: '25' },
        draws: '4',
      },
      'f',
    ).claims[0]!;
  it('the tau closed form has residual 0 and passes numerically', async () => {
    const r = await runClaim(mk('alpha^2*exp(2*x_1*s - 2*rho*x_1^2*tau(s))'));
    expect(r.symbolic.verdict).toBe('zero');
    expect(r.status).toBe('pass');
  });
  it('a wrong damping factor leaves a non-zero residual and fails', async () => {
    const r = await runClaim(mk('alpha^2*exp(2*x_1*s - rho*x_1^2*tau)'));
    expect(r.symbolic.verdict).toBe('nonzero');
    expect(r.symbolic.residuals!.ode).toContain('/N');
    expect(r.status).toBe('fail');
  });
});

describe('physical time (model.time "physical", clock t)', () => {
  it('GD: beta_1(t) = alpha^2 exp(2 x_1 s(t)) with the integrated rescaled clock', async () => {
    const spec = parseClaimFile(
      {
        id: 'phys',
        model: { algo: 'gd', loss: 'exponential', time: 'physical' },
        domain: { d: '2', x: '0.2..1', start: { alpha: '0.1..0.5' }, t: '0..2' },
        quantity: 'beta_1(t)',
        expected: 'alpha^2*exp(2*x_1*clock(t))',
        tolerance: { rel: '1e-20' },
        draws: '4',
      },
      'f',
    ).claims[0]!;
    const r = await runClaim(spec);
    expect(r.status).toBe('pass');
    expect(r.worst!.input.t).toBeDefined();
    const wrong = await runClaim(
      {
        ...spec,
        expected: {
          ...spec.expected!,
          node: parseClaimFile(
            {
              ...{
                id: 'w',
                model: { algo: 'gd', time: 'physical' },
                domain: { d: '2', x: '0.2..1', start: { alpha: '0.1..0.5' } },
                quantity: 'beta_1(t)',
                expected: 'alpha^2*exp(2*x_1*t)',
                tolerance: { rel: '1e-20' },
              },
            },
            'g',
          ).claims[0]!.expected!.node,
        },
      },
      { symbolic: false },
    );
    expect(wrong.status).toBe('fail'); // s(t) != t
  });
  it('s is not an input of a physical-time claim', () => {
    expect(() =>
      parseClaimFile({ id: 'p', model: { algo: 'gd', time: 'physical' }, domain: { d: '1', x: '1', start: { alpha: '1' } }, holds: 's > 0' }, 'f'),
    ).toThrow(/unknown symbol "s"/);
  });
});

describe('observables against independent closed forms', () => {
  it("l2-SAM collapse_s, d = 1: a' = x a - rho x/sqrt(2) collapses at log(c/(c - alpha))/x, c = rho/sqrt(2)", async () => {
    const spec = parseClaimFile(
      {
        id: 'cs',
        model: { algo: 'sam-l2' },
        domain: { d: '1', x: '0.5..2', start: { alpha: '0.05..0.6' }, rho: '1', constraints: ['alpha < 0.99*rho/sqrt(2)'] },
        quantity: 'collapse_s',
        expected: 'log((rho/sqrt(2))/(rho/sqrt(2) - alpha))/x_1',
        tolerance: { rel: '1e-15' },
        draws: '5',
      },
      'f',
    ).claims[0]!;
    const r = await runClaim(spec, { symbolic: false });
    expect(r.status).toBe('pass');
    expect(r.draws.evaluated).toBe(5);
    expect(Number(r.margin)).toBeLessThan(1e-20);
  });
  it('l_inf-SAM fate_1 follows the exact mixed-quadrant rule (B8)', async () => {
    const spec = parseClaimFile(
      {
        id: 'b8',
        model: { algo: 'sam-linf' },
        domain: { d: '1', x: '0.5..2', start: { u0: '-3..3', v0: '-3..3' }, rho: '0.5..1.5' },
        holds: "u0_1*v0_1 < 0 => (fate_1 == 'escape' <=> abs(u0_1+v0_1)*(2*rho + abs(u0_1-v0_1)) > 8*rho^2)",
        draws: '60',
      },
      'f',
    ).claims[0]!;
    expect((await runClaim(spec, { symbolic: false })).status).toBe('pass');
  });
});

describe('undefined observables', () => {
  it('depth 3 GD beyond its blow-up time: every draw undefined, the claim is inconclusive (never pass)', async () => {
    const spec = parseClaimFile(
      { id: 'bu', model: { algo: 'gd', depth: '3' }, domain: { d: '1', x: '1', start: { alpha: '1' }, s: '2..3' }, holds: 'beta_1 > 0', draws: '3' },
      'f',
    ).claims[0]!;
    const r = await runClaim(spec, { symbolic: false });
    expect(r.status).toBe('inconclusive');
    expect(r.draws.undefinedObservables).toBeGreaterThan(0);
    expect(r.notes.join(' ')).toMatch(/blows up near s = 1/);
  });
});
