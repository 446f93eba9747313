#!/usr/bin/env python3
"""Independent float64 oracle for the l2-SAM rescaled flow (docs/derivation.md B1/B4/B5), opt-in, not run by npm test.

Integrates the FULL (u, v) system with scipy's DOP853 (rtol 1e-13) -- a different formulation and a
different integrator from samcheck's tau reduction -- and reports:
  flow   : beta(s) for given starts
  alphac : balanced critical scale by bisection, each side decided by a B4 certificate
  leaders: switch times where log beta_i = log beta_j (leader = argmax |beta_i|)
Usage: python3 oracle/flow_oracle.py
"""
import numpy as np
from scipy.integrate import solve_ivp

def rhs(x, rho):
    def f(s, y):
        d = len(x); u, v = y[:d], y[d:]
        N = np.sqrt(np.sum(x**2 * (u**2 + v**2)))
        c = rho * x**2 / N if N > 0 else 0 * x
        return np.concatenate([x * v - c * u, x * u - c * v])
    return f

def flow(x, rho, u0, v0, s):
    x = np.array(x, float)
    r = solve_ivp(rhs(x, rho), (0, s), np.concatenate([u0, v0]), method='DOP853', rtol=1e-13, atol=1e-16)
    d = len(x); y = r.y[:, -1]
    return y[:d] * y[d:]

def certs(x, rho, y):
    d = len(x); u, v = y[:d], y[d:]
    N = np.sqrt(np.sum(x**2 * (u**2 + v**2)))
    a = u + np.sign(x) * v
    if N < rho * np.min(np.abs(x)): return 'collapse'
    if np.sum(x**2 * a**2) / 2 > (rho * np.max(np.abs(x)))**2: return 'escape'
    return None

def classify(x, rho, alpha):
    x = np.array(x, float); d = len(x)
    y = np.concatenate([alpha * np.ones(d), alpha * np.sign(x)])
    f = rhs(x, rho); s = 0.0
    while s < 2000:
        c = certs(x, rho, y)
        if c: return c
        r = solve_ivp(f, (s, s + 0.25), y, method='DOP853', rtol=1e-13, atol=1e-18)
        y = r.y[:, -1]; s += 0.25
    return None

def alphac(x, rho, tol=1e-10):
    x = np.array(x, float)
    lo, hi = rho * np.min(np.abs(x)) / (np.sqrt(2) * np.linalg.norm(x)) * 0.999, rho * np.max(np.abs(x)) / (np.sqrt(2) * np.linalg.norm(x)) * 1.001
    while hi - lo > tol:
        m = (lo + hi) / 2
        c = classify(x, rho, m)
        if c == 'collapse': lo = m
        elif c == 'escape': hi = m
        else: break
    return lo, hi

def leaders(x, rho, u0, v0, smax=60):
    x = np.array(x, float); d = len(x)
    f = rhs(x, rho)
    y0 = np.concatenate([u0, v0])
    ts = np.linspace(0, smax, 240001)
    r = solve_ivp(f, (0, smax), y0, method='DOP853', rtol=1e-13, atol=1e-300, dense_output=True)
    out = []; lead = None
    def lb(s):
        y = r.sol(s); return np.log(np.abs(y[:d] * y[d:]))
    prev = None
    for s in ts[1:]:
        b = lb(s); L = int(np.argmax(b))
        if lead is None: lead = L; out.append((0.0, L)); prev = s; continue
        if L != lead:
            a, c = prev, s
            for _ in range(80):
                m = (a + c) / 2; bm = lb(m)
                if bm[L] > bm[lead]: c = m
                else: a = m
            out.append(((a + c) / 2, L)); lead = L
        prev = s
    return out

if __name__ == '__main__':
    np.set_printoptions(precision=15)
    print('flow A', flow([0.5, 1, 2], 1.0, np.full(3, 0.5), np.full(3, 0.5), 5.0))
    print('flow B', flow([0.7, -1.3, 2.1], 0.8, np.array([0.4, -0.2, 0.3]), np.array([0.1, 0.5, -0.2]), 2.0))
    print('flow C', flow([0.9, 1.1], 0.6, np.array([0.2, 0.25]), np.array([0.3, -0.1]), 3.0))
    print('alphac (0.5,1,2) rho 1', alphac([0.5, 1, 2], 1.0))
    print('alphac (1,3) rho 0.5', alphac([1, 3], 0.5))
    print('leaders (0.5,1,2) a=0.5', leaders([0.5, 1, 2], 1.0, np.full(3, 0.5), np.full(3, 0.5), 20))
    print('leaders (0.3,1,1.7) a=0.42', leaders([0.3, 1, 1.7], 1.0, np.full(3, 0.42), np.full(3, 0.42), 40))
