"""Reference values for datacheck's drift statistics, computed ONCE with scipy and written to
titanic-reference-values.json (the test suite reads the JSON and never runs Python).

Run from the repository root:  python3 tests/checks/drift/reference-values.py ../shared
Data: seaborn-data titanic.csv (../shared/datasets/seaborn-data/titanic.csv), split by `sex`:
reference = the male passengers' rows, current = the female passengers' rows, nulls left out.
"""
import csv, json, math, sys, pathlib
import numpy as np, scipy
from scipy import stats
from scipy.spatial import distance

shared = pathlib.Path(sys.argv[1])
rows = list(csv.DictReader(open(shared / 'datasets/seaborn-data/titanic.csv', newline='')))
ref_rows = [r for r in rows if r['sex'] == 'male']
cur_rows = [r for r in rows if r['sex'] == 'female']

def nums(rs, c):
    return np.array([float(r[c]) for r in rs if r[c] != ''])

def cats(rs, c):
    return [r[c] for r in rs if r[c] != '']

BINS, ALPHA = 10, 0.5

def binned_numbers(ref, cur):
    # 10 equal-width bins over the reference's [min, max]; current values outside go to the end bins.
    lo, hi = ref.min(), ref.max()
    def counts(x):
        i = np.floor((x - lo) * BINS / (hi - lo)).astype(int)
        return np.bincount(np.clip(i, 0, BINS - 1), minlength=BINS).astype(float)
    return counts(ref), counts(cur)

def binned_categories(ref, cur):
    keys = sorted(set(ref) | set(cur))
    return (np.array([ref.count(k) for k in keys], dtype=float), np.array([cur.count(k) for k in keys], dtype=float), keys)

def divergences(ref_counts, cur_counts):
    # Additive smoothing: when either side has an empty bin, 0.5 is added to every bin of both.
    if (ref_counts == 0).any() or (cur_counts == 0).any():
        ref_counts, cur_counts = ref_counts + ALPHA, cur_counts + ALPHA
    p, q = cur_counts / cur_counts.sum(), ref_counts / ref_counts.sum()
    return {
        'psi': float(np.sum((p - q) * np.log(p / q))),
        'kl': float(stats.entropy(p, q)),
        'js': float(distance.jensenshannon(p, q) ** 2),
    }

out = {'source': {
    'script': 'tests/checks/drift/reference-values.py',
    'python': sys.version.split()[0], 'scipy': scipy.__version__, 'numpy': np.__version__,
    'data': 'seaborn-data titanic.csv; reference = rows with sex male, current = rows with sex female',
}, 'numeric': {}, 'categorical': {}}

for c in ['age', 'fare']:
    ref, cur = nums(ref_rows, c), nums(cur_rows, c)
    exact = stats.ks_2samp(cur, ref, method='exact')
    n, m = len(cur), len(ref)
    en = n * m / (n + m)
    rc, cc = binned_numbers(ref, cur)
    out['numeric'][c] = {
        'n_current': n, 'n_reference': m,
        'ks': {'statistic': float(exact.statistic), 'p_exact': float(exact.pvalue),
               'p_asymptotic_kolmogorov': float(stats.kstwobign.sf(math.sqrt(en) * exact.statistic))},
        'bins': {'reference': rc.tolist(), 'current': cc.tolist()},
        **divergences(rc, cc),
    }

for c in ['embarked', 'class', 'alive']:
    ref, cur = cats(ref_rows, c), cats(cur_rows, c)
    rc, cc, keys = binned_categories(ref, cur)
    chi2, p, dof, _ = stats.chi2_contingency(np.array([rc, cc]))  # Yates' correction when dof == 1 (scipy default)
    out['categorical'][c] = {
        'categories': keys, 'reference': rc.tolist(), 'current': cc.tolist(),
        'chi2': {'statistic': float(chi2), 'p': float(p), 'dof': int(dof)},
        **divergences(rc, cc),
    }

# Small samples with ties and unequal sizes, for the exact KS p-value's lattice-path recursion.
a, b = np.array([1, 2, 2, 3, 5, 8, 13]), np.array([2, 3, 4, 4, 6, 7, 9, 10, 11])
small = stats.ks_2samp(a, b, method='exact')
out['small'] = {'a': a.tolist(), 'b': b.tolist(), 'statistic': float(small.statistic), 'p_exact': float(small.pvalue)}

pathlib.Path('tests/checks/drift/titanic-reference-values.json').write_text(json.dumps(out, indent=2) + '\n')
