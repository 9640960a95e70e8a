#!/usr/bin/env bash
# What a user does first: `npm pack` this package, `npm i -D` the tarball into an empty project,
# run `npx datacheck` on a small contract (exit 0 on good data, 1 on bad) and type-check a suite
# with `npx tsc` (a misspelt column must be a compile error), and call run() from datacheck/node.
# It catches what tests inside the repo cannot: a dependency that resolves only here (an
# `overrides` pin, a package missing from the registry), a file left out of `files`, a runtime
# import of a devDependency (arquero and vitest are optional peers, not installed here).
# Needs a built dist/ (npm test builds first). Network: the npm registry only, cache preferred.
# Usage: scripts/test-consumer-install.sh [work-dir]   (default: a fresh temp dir, removed after)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/datacheck-consumer-XXXXXX")}"
[ $# -ge 1 ] || trap 'rm -rf "$work"' EXIT
fail() { echo "consumer install: FAILED: $*" >&2; exit 1; }

[ -f "$repo/dist/src/cli/main.js" ] || fail "dist/ is missing: run npm run build first"

# --ignore-scripts: dist/ is already built; `prepare` would only build it again.
tarball="$(cd "$repo" && npm pack --ignore-scripts --silent --pack-destination "$work" | tail -1)"
[ -f "$work/$tarball" ] || fail "npm pack wrote no tarball"

project="$work/project"
mkdir -p "$project/contracts" "$project/checks" "$project/data"
cd "$project"
printf '{ "name": "consumer", "version": "1.0.0", "private": true, "type": "module" }\n' > package.json
npm install --save-dev --no-audit --no-fund --prefer-offline --loglevel=error "$work/$tarball" \
  || fail "npm install of the packed tarball failed"

cat > contracts/orders.contract.ts <<'EOF'
import { col, defineContract } from 'datacheck';

export default defineContract({
  name: 'orders',
  source: { file: 'data/orders.csv' },
  columns: {
    id: col.int32().primaryKey(),
    status: col.string().oneOf(['placed', 'shipped']),
    amount: col.float64().min(0),
  },
});
EOF
cat > checks/orders.check.ts <<'EOF'
import { defineSuite } from 'datacheck';
import orders from '../contracts/orders.contract';

export default defineSuite(orders, (t) => [t.rowCount().atLeast(2), t.column('amount').max().atMost(100)]);
EOF
cat > tsconfig.json <<'EOF'
{
  "compilerOptions": { "strict": true, "noEmit": true, "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler", "types": [] },
  "include": ["contracts", "checks"]
}
EOF

printf 'id,status,amount\n1,placed,10\n2,shipped,20.5\n' > data/orders.csv
npx --no-install datacheck > good.out 2>&1 && code=0 || code=$?
[ "$code" -eq 0 ] || { cat good.out; fail "npx datacheck on good data exited $code, expected 0"; }

printf 'id,status,amount\n1,placed,10\n1,lost,-5\n' > data/orders.csv
npx --no-install datacheck > bad.out 2>&1 && code=0 || code=$?
[ "$code" -eq 1 ] || { cat bad.out; fail "npx datacheck on bad data exited $code, expected 1"; }

# The programmatic API (datacheck/node) on in-memory rows: the same checks, no file, no process access.
cat > api.mjs <<'JS'
import { col, defineContract } from 'datacheck';
import { run } from 'datacheck/node';

const orders = defineContract({ name: 'orders', columns: { id: col.int32().primaryKey(), amount: col.float64().min(0) } });
const rows = [{ id: 1, amount: 5 }, { id: 1, amount: -1 }];
const result = await run({ cwd: process.cwd(), contracts: [orders], data: { orders: rows } });
console.log(`api: ${result.outcome}, ${result.counts.fail} failed`);
JS
node api.mjs > api.out 2>&1 || { cat api.out; fail "node api.mjs (datacheck/node) threw"; }
grep -q "api: failed, 2 failed" api.out || { cat api.out; fail "datacheck/node gave an unexpected result"; }

npx --no-install tsc -p tsconfig.json > tsc-good.out 2>&1 || { cat tsc-good.out; fail "tsc rejected a correct suite"; }

sed -i "s/t.column('amount')/t.column('amonut')/" checks/orders.check.ts
if npx --no-install tsc -p tsconfig.json > tsc-bad.out 2>&1; then fail "tsc accepted a suite with a misspelt column"; fi
grep -q "amonut" tsc-bad.out || { cat tsc-bad.out; fail "tsc failed, but not on the misspelt column"; }

echo "consumer install: ok ($tarball: installed, datacheck exit 0/1 on good/bad data, datacheck/node on in-memory rows, tsc catches a misspelt column)"
