#!/usr/bin/env python3
"""The l2-SAM loop of `samcheck simulate` written in Python/mpmath, for `npm run bench`.

Same operations in the same order as src/optim/algorithms.ts + src/model/diagonalNetwork.ts
(beta, margins, g(z) = 1/(1+e^z) / e^{-z}/(1+e^{-z}), the gradient by prefix/suffix products,
one global l2 norm for the perturbation, the clock s), so the comparison is loop against loop.

Usage:
  python3 bench/mpmath_sam.py --dps 50 --steps 20000 [--n 1 --L 2 --d 3] [--json]
    runs one simulation and prints beta_0 (whole-process timing is taken by the caller);
  python3 bench/mpmath_sam.py --rate --dps 50 --budget 2.0 [--n --L --d]
    prints JSON {"steps", "seconds", "steps_per_s", "backend"} for the in-process rate.
The data are the bench's: x_k = (0.5, 1, 2, 0.5, 1, 2, ...) rotated by k, labels +1, w = 0.6·1,
eta = 0.05, rho = 1 (for n = 20, d = 100: eta = 0.01, rho = 0.1), logistic loss.
"""
import argparse
import json
import sys
import time

import mpmath
from mpmath import mp, mpf


def dataset(n, L, d):
    base = ["0.5", "1", "2"]
    X = [[mpf(base[(j + k) % 3]) for j in range(d)] for k in range(n)]
    Y = [1] * n
    W0 = [[mpf("0.6") for _ in range(d)] for _ in range(L)]
    if n == 1 and d == 3:
        eta, rho = mpf("0.05"), mpf("1")
    else:
        eta, rho = mpf("0.01"), mpf("0.1")
    return X, Y, W0, eta, rho


def g_of(z):
    if z >= 0:
        e = mpmath.exp(-z)
        return e / (1 + e)
    return 1 / (1 + mpmath.exp(z))


def gradient(X, Y, W):
    L, d, n = len(W), len(W[0]), len(X)
    b = []
    for j in range(d):
        p = W[0][j]
        for l in range(1, L):
            p = p * W[l][j]
        b.append(p)
    z = []
    for k in range(n):
        acc = mpf(0)
        x = X[k]
        for j in range(d):
            acc = acc + b[j] * x[j]
        z.append(acc if Y[k] == 1 else -acc)
    gz = [g_of(zk) for zk in z]
    nT = mpf(n)
    c = []
    for j in range(d):
        acc = mpf(0)
        for k in range(n):
            t = gz[k] * X[k][j]
            acc = acc + t if Y[k] == 1 else acc - t
        c.append(-(acc / nT))
    grad = [[None] * d for _ in range(L)]
    for j in range(d):
        prefix = [None] * L
        suffix = [None] * L
        prefix[0] = mpf(1)
        for l in range(1, L):
            prefix[l] = prefix[l - 1] * W[l - 1][j]
        suffix[L - 1] = mpf(1)
        for l in range(L - 2, -1, -1):
            suffix[l] = suffix[l + 1] * W[l + 1][j]
        for l in range(L):
            grad[l][j] = c[j] * (prefix[l] * suffix[l])
    return grad, gz


def run(X, Y, W, eta, rho, steps):
    n = len(X)
    nT = mpf(n)
    s = mpf(0)
    for _ in range(steps):
        g0, _gz = gradient(X, Y, W)
        sq = mpf(0)
        for row in g0:
            for gj in row:
                sq = sq + gj * gj
        if sq == 0:
            eps = [[mpf(0)] * len(row) for row in g0]
        else:
            scale = rho / mpmath.sqrt(sq)
            eps = [[scale * gj for gj in row] for row in g0]
        Wt = [[w + e for w, e in zip(rw, re)] for rw, re in zip(W, eps)]
        gE, gzE = gradient(X, Y, Wt)
        W = [[w - eta * gj for w, gj in zip(rw, rg)] for rw, rg in zip(W, gE)]
        gm = mpf(0)
        for gk in gzE:
            gm = gm + gk
        s = s + eta * (gm / nT)
    return W, s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dps", type=int, default=50)
    ap.add_argument("--steps", type=int, default=20000)
    ap.add_argument("--n", type=int, default=1)
    ap.add_argument("--L", type=int, default=2)
    ap.add_argument("--d", type=int, default=3)
    ap.add_argument("--rate", action="store_true")
    ap.add_argument("--budget", type=float, default=2.0)
    a = ap.parse_args()
    mp.dps = a.dps
    X, Y, W0, eta, rho = dataset(a.n, a.L, a.d)
    backend = "gmpy" if mpmath.libmp.BACKEND == "gmpy" else "pure Python" if mpmath.libmp.BACKEND == "python" else mpmath.libmp.BACKEND
    if a.rate:
        run(X, Y, W0, eta, rho, 5)
        chunk = 20 if a.d <= 10 else 1
        steps = 0
        t0 = time.perf_counter()
        c0 = time.process_time()
        while time.perf_counter() - t0 < a.budget:
            run(X, Y, W0, eta, rho, chunk)
            steps += chunk
        dt = time.perf_counter() - t0
        cpu = time.process_time() - c0
        print(json.dumps({"steps": steps, "seconds": dt, "cpu_seconds": cpu, "steps_per_s": steps / dt, "steps_per_cpu_s": steps / cpu, "backend": backend, "mpmath": mpmath.__version__}))
        return
    W, s = run(X, Y, W0, eta, rho, a.steps)
    b0 = W[0][0]
    for l in range(1, len(W)):
        b0 = b0 * W[l][0]
    print(mpmath.nstr(b0, a.dps), mpmath.nstr(s, a.dps))


if __name__ == "__main__":
    sys.exit(main())
