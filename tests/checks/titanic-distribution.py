"""Reference values for datacheck's distribution statistics on real data, computed ONCE with scipy
and Python and written to titanic-distribution.json (the test suite reads the JSON, never Python).

Run from the repository root:  python3 tests/checks/titanic-distribution.py ../shared
Data: seaborn-data titanic.csv (../shared/datasets/seaborn-data/titanic.csv); empty cells are nulls
and are left out, as datacheck leaves nulls out of entropy, lengths and value sets.
"""
import csv, json, sys, pathlib
from collections import Counter
import scipy
from scipy import stats

shared = pathlib.Path(sys.argv[1])
rows = list(csv.DictReader(open(shared / 'datasets/seaborn-data/titanic.csv', newline='')))

def values(c):
    return [r[c] for r in rows if r[c] != '']

out = {'scipy': scipy.__version__, 'rows': len(rows), 'entropy': {}, 'length': {}, 'mostCommon': {}, 'distinct': {}}
for c in ['survived', 'pclass', 'sex', 'class', 'who', 'deck', 'embark_town', 'alive', 'sibsp', 'parch']:
    counts = Counter(values(c))
    out['entropy'][c] = float(stats.entropy(list(counts.values()), base=2))
    top = max(counts.values())
    out['mostCommon'][c] = sorted(v for v, n in counts.items() if n == top)
    out['distinct'][c] = sorted(counts)
for c in ['sex', 'class', 'who', 'deck', 'embark_town']:
    ls = [len(v) for v in values(c)]
    out['length'][c] = {'min': min(ls), 'max': max(ls), 'mean': sum(ls) / len(ls)}
path = pathlib.Path(__file__).parent / 'titanic-distribution.json'
path.write_text(json.dumps(out, indent=2) + '\n')
