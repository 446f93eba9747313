#!/usr/bin/env python3
"""Independent reference for `samcheck simulate` (python3 + mpmath, 100 digits by default).

Main entry points:
- ``simulate(cfg, dps)``: GD / l2-SAM / linf-SAM on a depth-L diagonal linear network, written
  from docs/derivation.md "Setting" without looking at the TypeScript code paths: the loss is evaluated
  with mpmath's own log1p/exp (mpmath has an unbounded exponent, so no tail tricks are needed),
  the gradient is the explicit product over the other layers (O(L^2) per coordinate, no
  prefix/suffix products), the clock is s = sum_t eta * (1/n) sum_k g(z~_k,t).
- ``python3 oracle/oracle.py CONFIG.json``: run one simulate config and print JSON with the same
  keys as ``samcheck simulate --json`` (W, beta, loss, s, t, steps), numbers as decimal strings.
- ``python3 oracle/oracle.py`` (= ``npm run oracle``): generate random configs (l2-SAM, linf-SAM,
  GD; depth 2 and 3; one and several examples; logistic and exponential loss), run
  ``npx samcheck simulate --config FILE --json --backend B`` at precision 60 on each, for each
  backend B (default both: bigfloat and decimal), and report per case and per backend the
  significant digits on which samcheck and this oracle agree, plus the digits on which the two
  backends agree with each other. Exit 1 if any case agrees with the oracle to fewer than
  --min-digits (default 40) digits, or the backends agree to fewer than precision - 3.

Opt-in; not part of ``npm test``.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import mpmath
from mpmath import mp, mpf

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ----------------------------------------------------------------------------- the model
def loss_value(name, z):
    if name == "exponential":
        return mpmath.exp(-z)
    return mpmath.log1p(mpmath.exp(-z))  # mpmath: no overflow, exponent range unbounded


def loss_g(name, z):
    """g(z) = -l'(z)."""
    if name == "exponential":
        return mpmath.exp(-z)
    return 1 / (1 + mpmath.exp(z))


def predictor(W):
    d = len(W[0])
    out = []
    for j in range(d):
        p = mpf(1)
        for row in W:
            p *= row[j]
        out.append(p)
    return out


def margins(X, Y, b):
    return [y * mpmath.fsum(bj * xj for bj, xj in zip(b, x)) for x, y in zip(X, Y)]


def empirical_loss(name, X, Y, W):
    z = margins(X, Y, predictor(W))
    return mpmath.fsum(loss_value(name, zk) for zk in z) / len(z)


def grad(name, X, Y, W):
    """Exact gradient: dL/dw_l[j] = -(1/n) sum_k g(z_k) y_k x_kj prod_{m != l} w_m[j]."""
    n, L, d = len(X), len(W), len(W[0])
    z = margins(X, Y, predictor(W))
    gz = [loss_g(name, zk) for zk in z]
    G = [[mpf(0)] * d for _ in range(L)]
    for j in range(d):
        dbeta = -mpmath.fsum(gz[k] * Y[k] * X[k][j] for k in range(n)) / n
        for l in range(L):
            other = mpf(1)
            for m in range(L):
                if m != l:
                    other *= W[m][j]
            G[l][j] = dbeta * other
    return G, gz


def perturbation(algo, rho, G):
    if algo == "gd":
        return [[mpf(0)] * len(r) for r in G], False
    if algo == "sam-linf":
        return [[rho * mpmath.sign(gj) for gj in r] for r in G], False
    norm = mpmath.sqrt(mpmath.fsum(gj * gj for r in G for gj in r))
    if norm == 0:
        return [[mpf(0)] * len(r) for r in G], True
    return [[rho * gj / norm for gj in r] for r in G], False


def simulate(cfg, dps=100):
    with mp.workdps(dps):
        lossname = cfg.get("loss", "logistic")
        algo = cfg["algo"]
        eta = mpf(cfg["eta"])
        rho = mpf(cfg.get("rho", "0"))
        X = [[mpf(v) for v in row] for row in cfg["X"]]
        Y = [int(mpf(y)) for y in cfg["Y"]]
        W = [[mpf(v) for v in row] for row in cfg["W0"]]
        n = len(X)
        s = mpf(0)
        zero_grad = 0
        for _ in range(int(cfg["steps"])):
            G, _gz = grad(lossname, X, Y, W)
            eps, zg = perturbation(algo, rho, G)
            zero_grad += zg
            Wt = [[w + e for w, e in zip(rw, re)] for rw, re in zip(W, eps)]
            Gt, gzt = grad(lossname, X, Y, Wt)
            W = [[w - eta * gj for w, gj in zip(rw, rg)] for rw, rg in zip(W, Gt)]
            s += eta * mpmath.fsum(gzt) / n
        out_digits = dps - 5
        fmt = lambda v: mpmath.nstr(v, out_digits, strip_zeros=True, min_fixed=-7, max_fixed=21)
        return {
            "algo": algo,
            "steps": int(cfg["steps"]),
            "W": [[fmt(w) for w in row] for row in W],
            "beta": [fmt(b) for b in predictor(W)],
            "loss": fmt(empirical_loss(lossname, X, Y, W)),
            "s": fmt(s),
            "t": fmt(eta * int(cfg["steps"])),
            "zero_gradient_steps": zero_grad,
            "oracle_dps": dps,
        }


# ----------------------------------------------------------------------------- agreement
def agreeing_digits(a, b, scale=None, cap=200):
    """-log10(|a-b| / max(|a|,|b|,|scale|)), capped; computed at 120 digits."""
    with mp.workdps(120):
        A, B = mpf(a), mpf(b)
        diff = abs(A - B)
        if diff == 0:
            return float(cap)
        ref = max(abs(A), abs(B), abs(mpf(scale)) if scale is not None else mpf(0))
        if ref == 0:
            return 0.0
        return float(min(cap, -mpmath.log10(diff / ref)))


def compare(ours, theirs):
    """Minimum agreeing digits over W, beta (each relative to its largest entry), loss and s."""
    worst = (float("inf"), None)

    def upd(d, what):
        nonlocal worst
        if d < worst[0]:
            worst = (d, what)

    with mp.workdps(120):
        W_ref = max((abs(mpf(w)) for row in ours["W"] for w in row), default=mpf(0))
        b_ref = max((abs(mpf(b)) for b in ours["beta"]), default=mpf(0))
    for l, (ra, rb) in enumerate(zip(ours["W"], theirs["W"])):
        for j, (a, b) in enumerate(zip(ra, rb)):
            upd(agreeing_digits(a, b, W_ref), f"W[{l}][{j}]")
    for j, (a, b) in enumerate(zip(ours["beta"], theirs["beta"])):
        upd(agreeing_digits(a, b, b_ref), f"beta[{j}]")
    upd(agreeing_digits(ours["loss"], theirs["loss"]), "loss")
    upd(agreeing_digits(ours["s"], theirs["s"]), "s")
    if len(ours["W"]) != len(theirs["W"]) or int(theirs["steps"]) != ours["steps"]:
        return 0.0, "shape/steps mismatch"
    return worst


# ----------------------------------------------------------------------------- random configs
def rdec(rng, lo, hi, digits=4):
    """A short random decimal string in [lo, hi] (exact in both programs)."""
    v = rng.uniform(lo, hi)
    return f"{v:.{digits}f}"


def random_configs(seed, precision):
    rng = random.Random(seed)
    cases = []
    for algo in ("sam-l2", "sam-linf", "gd"):
        for L in (2, 3):
            for n in (1, 3):
                for lossname in ("logistic", "exponential"):
                    d = rng.randint(2, 4)
                    # separable data: labels from a random teacher, margins bounded away from 0
                    teacher = [rng.uniform(-1, 1) for _ in range(d)]
                    X, Y = [], []
                    while len(X) < n:
                        x = [rdec(rng, -2, 2, 3) for _ in range(d)]
                        m = sum(float(a) * t for a, t in zip(x, teacher))
                        if abs(m) < 0.2:
                            continue
                        X.append(x)
                        Y.append("1" if m > 0 else "-1")
                    W0 = [[rdec(rng, -0.9, 0.9, 3) for _ in range(d)] for _ in range(L)]
                    cfg = {
                        "name": f"{algo}-L{L}-n{n}-{lossname}",
                        "algo": algo,
                        "loss": lossname,
                        "eta": rdec(rng, 0.01, 0.08, 3),
                        "rho": "0" if algo == "gd" else rdec(rng, 0.02, 0.4, 3),
                        "steps": rng.randint(60, 250),
                        "precision": precision,
                        "X": X,
                        "Y": Y,
                        "W0": W0,
                    }
                    cases.append(cfg)
    return cases


def run_samcheck(path, backend):
    r = subprocess.run(
        ["npx", "samcheck", "simulate", "--config", path, "--json", "--backend", backend],
        cwd=REPO, capture_output=True, text=True,
    )
    if r.returncode != 0:
        raise RuntimeError(f"samcheck exited {r.returncode}: {r.stderr.strip()}")
    return json.loads(r.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("config", nargs="?", help="one simulate config JSON: print the oracle's result")
    ap.add_argument("--dps", type=int, default=100, help="oracle working digits (default 100)")
    ap.add_argument("--seed", type=int, default=20260308, help="seed for the random configs")
    ap.add_argument("--precision", type=int, default=60, help="samcheck precision for the random configs")
    ap.add_argument("--min-digits", type=float, default=40.0, help="fail below this many agreeing digits")
    ap.add_argument("--keep", help="directory to keep the generated configs in")
    ap.add_argument("--backends", default="bigfloat,decimal", help="comma list of samcheck backends (default bigfloat,decimal)")
    a = ap.parse_args()

    if a.config:
        with open(a.config) as f:
            cfg = json.load(f)
        print(json.dumps(simulate(cfg, a.dps), indent=2))
        return 0

    backends = [b.strip() for b in a.backends.split(",") if b.strip()]
    cases = random_configs(a.seed, a.precision)
    tmp = a.keep or tempfile.mkdtemp(prefix="samcheck-oracle-")
    os.makedirs(tmp, exist_ok=True)
    print(f"oracle: {len(cases)} random configs, seed {a.seed}, samcheck at {a.precision} digits "
          f"({', '.join(backends)}), mpmath at {a.dps} digits; configs in {tmp}")
    worst = {b: float("inf") for b in backends}
    worst_cross = float("inf")
    cross_min = a.precision - 3
    failed = 0
    for i, cfg in enumerate(cases):
        path = os.path.join(tmp, f"case{i:02d}-{cfg['name']}.json")
        with open(path, "w") as f:
            json.dump(cfg, f)
        t0 = time.time()
        ref = simulate(cfg, a.dps)
        results = {}
        cols = []
        ok = True
        for b in backends:
            try:
                ours = run_samcheck(path, b)
            except Exception as e:  # noqa: BLE001 - report and count as a failure
                cols.append(f"{b}: samcheck failed: {e}")
                ok = False
                worst[b] = 0.0
                continue
            if ours.get("backend") != b:
                cols.append(f"{b}: output says backend {ours.get('backend')!r}")
                ok = False
                continue
            results[b] = ours
            digits, where = compare(ref, ours)
            worst[b] = min(worst[b], digits)
            ok = ok and digits >= a.min_digits
            cols.append(f"{b} {digits:5.1f} (at {where})")
        if len(results) >= 2:
            names = list(results)
            cd, cw = compare(results[names[0]], results[names[1]])
            worst_cross = min(worst_cross, cd)
            ok = ok and cd >= cross_min
            cols.append(f"{names[0]}~{names[1]} {cd:5.1f}")
        failed += not ok
        print(f"  {cfg['name']:<28} d={len(cfg['X'][0])} steps={cfg['steps']:<4} digits vs oracle: "
              f"{'; '.join(cols)}  {'ok' if ok else 'FAIL'}  [{time.time() - t0:.1f}s]")
    for b in backends:
        print(f"min digits agreed with the oracle, {b}: {worst[b]:.1f} over {len(cases)} cases (threshold {a.min_digits})")
    if len(backends) >= 2:
        print(f"min digits agreed between {backends[0]} and {backends[1]}: {worst_cross:.1f} (threshold {cross_min})")
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
