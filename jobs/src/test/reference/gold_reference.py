"""Independent reference values for the silver and gold unit tests.

Every expected number in the JUnit tests of io.commpulse.{stats,silver,tickets,surveys,coverage,social,
commlog,scorecard} that is not a hand count comes from this script, computed with NumPy, SciPy,
statsmodels and the Python standard library -- never with the Java code under test. The fixtures
here mirror the rows the tests build; each section names the test that uses it.

Run: python jobs/src/test/reference/gold_reference.py   (needs numpy, scipy, statsmodels)
"""

import hashlib
import hmac
import itertools

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportion_confint


def show(label, *values):
    print(f"{label}: " + ", ".join(repr(float(v)) if not isinstance(v, str) else v for v in values))


def wilson(k, n):
    low, high = proportion_confint(k, n, alpha=0.05, method="wilson")
    return low, high


def t_interval(xs):
    xs = np.asarray(xs, dtype=float)
    n = len(xs)
    mean = xs.mean()
    sd = xs.std(ddof=1)
    low, high = stats.t.interval(0.95, df=n - 1, loc=mean, scale=sd / np.sqrt(n))
    return mean, sd, low, high


print("== IntervalTest")
for k, n in [(0, 10), (3, 10), (10, 10), (47, 50), (1, 1), (950, 1000), (5, 200)]:
    show(f"wilson({k},{n})", *wilson(k, n))
for n, mean, sd in [(5, 3.4, 1.1401754250991378), (2, 10.0, 4.0), (30, 21.625, 7.5)]:
    show(f"t.interval n={n} mean={mean} sd={sd}", *stats.t.interval(0.95, df=n - 1, loc=mean, scale=sd / np.sqrt(n)))
for k, n in [(90, 100), (95, 100), (100, 100), (18, 20), (0, 5)]:
    show(f"binom.cdf({k},{n},0.95)", stats.binom.cdf(k, n, 0.95))

print("== PseudonymizerTest")
for key, msg in [
    ("commpulse-public-demo-key-not-secret", "E000123"),
    ("commpulse-public-demo-key-not-secret", "C1234567"),
    ("commpulse-public-demo-key-not-secret", "E999999"),
    ("commpulse-public-demo-key-not-secret", "R-7f3a"),
    ("commpulse-public-demo-key-not-secret", "@user123456"),
    ("a-test-key-of-32-characters-long", "C1234567"),
    ("a-test-key-of-32-characters-long", "@user123456"),
    ("a-test-key-of-32-characters-long", "@小明同学"),
]:
    print(f"hmac({key!r}, {msg!r}) = {hmac.new(key.encode(), msg.encode(), hashlib.sha256).hexdigest()}")

print("== ResponseSlaMetricTest (hours per ticket are hand-computed in the test; these are their statistics)")
# calendar hours to first human reply, replied tickets only (T4, T5 unreplied; T7 negative -> ignored)
reply = {"T1": 2.0, "T2": 17.0, "T3": 67.0, "T6": 24.0, "T8": 0.5, "T9": 30.0, "T10": 24.0 + 1 / 3600}
business = {"T1": 2.0, "T2": 2.0, "T3": 4.0, "T6": 9.0, "T8": 0.5, "T9": 15.0, "T10": 9.0 + 1 / 3600}
resolution = {"T1": 5.0, "T2": 30.0, "T6": 48.0, "T7": 6.0, "T8": 1.0, "T9": 40.0}
cells = {
    "ALL/ALL/ALL": ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10"],
    "ALL/service_complaint/ALL": ["T1", "T2", "T3", "T7", "T8"],
    "phone/ALL/ALL": ["T1", "T2", "T6", "T7"],
}
for label, tickets in cells.items():
    r = [reply[t] for t in tickets if t in reply]
    b = [business[t] for t in tickets if t in business]
    res = [resolution[t] for t in tickets if t in resolution]
    mean, sd, low, high = t_interval(r)
    show(f"{label} reply mean, sd, t low, t high", mean, sd, low, high)
    show(f"{label} reply median, p90 (numpy linear)", np.percentile(r, 50), np.percentile(r, 90))
    show(f"{label} business mean, median, p90", np.mean(b), np.percentile(b, 50), np.percentile(b, 90))
    show(f"{label} resolution median", np.percentile(res, 50))
dims = [
    ("phone", "service_complaint", "P1"),
    ("phone", "service_complaint", "P2"),
    ("email", "service_complaint", "P1"),
    ("email", "technical_support", "P2"),
    ("email", "technical_support", "P1"),
    ("phone", "technical_support", "P1"),
    ("phone", "service_complaint", "P1"),
    ("online_chat", "service_complaint", "P2"),
    ("online_chat", "technical_support", "P2"),
    ("email", "product_suggestion", "P3"),
]
cube = {
    tuple(d[i] if keep[i] else "ALL" for i in range(3)) for d in dims for keep in itertools.product([0, 1], repeat=3)
}
print(f"cube cells over T1..T10: {len(cube)}")
show("wilson(4,10) ALL within 24h", *wilson(4, 10))
show("wilson(3,5) complaints within 24h", *wilson(3, 5))
show("wilson(3,4) phone within 24h", *wilson(3, 4))

print("== SatisfactionMetricTest")
overall = {"ENG": [5, 4, 4, 3, 5, 2, 4, 5], "SALES": [3, 3, 4, 2, 5, 4], "HR": [1, 2, 2], "FIN": [4, 4, 5, 3, 4]}
conv = {"ENG": [4, 4, 4, 4, 5, 5, 3, 3], "SALES": [2, 3, 3, 4, 4, 4], "HR": [3, 4, 5, 5, 2], "FIN": [3, 3, 4, 4, 4]}
for q, groups in [("overall", overall), ("conv_channels", conv)]:
    groups = dict(groups, ALL=sum(groups.values(), []))
    for dept, xs in groups.items():
        mean, sd, low, high = t_interval(xs)
        top2 = sum(1 for x in xs if x >= 4)
        show(f"{q}/{dept} n={len(xs)} top2={top2} mean, sd, t low, t high", mean, sd, low, high)
        show(f"{q}/{dept} top2 share, wilson", top2 / len(xs), *wilson(top2, len(xs)))
hr_fin = overall["HR"] + overall["FIN"]
show("overall HR+FIN combined mean (what subtraction recovers)", np.mean(hr_fin))
show("overall HR alone mean", np.mean(overall["HR"]))

print("== CoverageMetricTest")
show("D1 ALL wilson(6,8)", *wilson(6, 8))
show("D1 ALL binom.cdf(6,8,0.95)", stats.binom.cdf(6, 8, 0.95))
show("D1 ALL median hours", np.percentile([1, 2, 8, 12, 3, 48], 50))
show("D1 OPS wilson(4,5)", *wilson(4, 5))
show("D1 OPS binom.cdf(4,5,0.95)", stats.binom.cdf(4, 5, 0.95))
show("D1 OPS median hours", np.percentile([1, 2, 8, 12], 50))
show("D1 SALES wilson(2,3)", *wilson(2, 3))
show("D1 SALES binom.cdf(2,3,0.95)", stats.binom.cdf(2, 3, 0.95))
show("D1 SALES median hours", np.percentile([3, 48], 50))
show("D2 ALL wilson(8,8)", *wilson(8, 8))
show("D2 ALL binom.cdf(8,8,0.95)", stats.binom.cdf(8, 8, 0.95))
show("D2 ALL median hours", np.percentile([0.5, 1.5, 2.5, 3.5, 4.5, 0.25, 10, 24], 50))
show("D2 OPS median hours", np.percentile([0.5, 1.5, 2.5, 3.5, 4.5], 50))
show("D2 SALES median hours", np.percentile([0.25, 10, 24], 50))
show("D2 OPS wilson(5,5)", *wilson(5, 5))
show("D2 SALES wilson(3,3)", *wilson(3, 3))

print("== SocialResponseMetricTest")
show("weibo wilson(1,5)", *wilson(1, 5))
show("douyin wilson(3,3)", *wilson(3, 3))
show("ALL wilson(4,8)", *wilson(4, 8))
show("weibo median", np.percentile([2, 30], 50))
show("douyin median", np.percentile([24, 0.5, 3], 50))
show("ALL median", np.percentile([2, 30, 24, 0.5, 3], 50))
show("ALL negative median", np.percentile([2, 24], 50))

print("== MistransmissionMetricTest")
for label, k, n in [("SALES", 1, 20), ("OPS", 3, 10), ("HR", 0, 100), ("ALL", 4, 130)]:
    show(f"{label} wilson({k},{n})", *wilson(k, n))

print("== KpiScorecardTest")
show("coverage pooled wilson(14,16)", *wilson(14, 16))
