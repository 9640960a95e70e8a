"""Writes cases/distribution-metrics.json: length statistics and entropy on a small table, with the
entropy reference values computed ONCE by scipy (scipy.stats.entropy(counts, base=2)); the test
suite reads the JSON and never runs Python.

Run from the repository root:  python3 tests/conformance/distribution-metrics.py
Entropy is over the non-null values (and, for floats, non-NaN: NaN is no value), as datacheck defines it.
"""
import json, math, pathlib
from collections import Counter
from scipy import stats

columns = {"id": "int", "x": "float", "s": "string", "ok": "bool"}
rows = [
    [1, 1.5, "b", True],
    [2, "NaN", "", False],
    [3, 2.0, "B", True],
    [4, -2.5, "é", None],
    [5, 0, "😀x", True],
    [None, None, None, False],
    [6, 1.5, "b", True],
    [7, 1.5, "naïve café", True],
    [8, 2.0, "b", True],
]
names = list(columns)

def values(c, keep=lambda r: True):
    i = names.index(c)
    out = []
    for r in rows:
        v = r[i]
        if v is None or v == "NaN" or not keep(r):
            continue
        out.append(v)
    return out

def entropy(vs):
    if not vs:
        return None
    return float(stats.entropy(list(Counter(vs).values()), base=2))

def lengths(vs):
    ls = [len(v) for v in vs]  # Python's len counts code points, as datacheck's length() does
    if not ls:
        return {"count": 0, "min": None, "max": None, "sum": 0}
    return {"count": len(ls), "min": min(ls), "max": max(ls), "sum": sum(ls)}

big_id = lambda r: r[0] is not None and r[0] > 4
cases = [
    {"metric": {"kind": "entropy", "column": c, "maxDistinct": 1000}, "expected": entropy(values(c))} for c in ["id", "x", "s", "ok"]
] + [
    {"metric": {"kind": "entropy", "column": "s", "maxDistinct": 1000, "where": "id > 4"}, "expected": entropy(values("s", big_id))},
    {"metric": {"kind": "entropy", "column": "s", "maxDistinct": 1000, "where": "id = 1"}, "expected": 0},
    {"metric": {"kind": "entropy", "column": "s", "maxDistinct": 1000, "where": "id > 100"}, "expected": None},
    {"metric": {"kind": "length_stats", "column": "s"}, "expected": lengths(values("s"))},
    {"metric": {"kind": "length_stats", "column": "s", "where": "id > 4"}, "expected": lengths(values("s", big_id))},
    {"metric": {"kind": "length_stats", "column": "s", "where": "id > 100"}, "expected": lengths([])},
    {"metric": {"kind": "length_stats", "column": "id"}, "issue": {"arrow": "metric.unsupported_type", "sql": "sql.unsupported"}},
]
out = {
    "description": "Length statistics (code points) and Shannon entropy in bits (nulls and NaN left out); entropy reference values from scipy (distribution-metrics.py)",
    "table": {"columns": columns, "rows": rows},
    "cases": cases,
}
path = pathlib.Path(__file__).parent / "cases" / "distribution-metrics.json"
path.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
print(json.dumps([c.get("expected") for c in cases]))
