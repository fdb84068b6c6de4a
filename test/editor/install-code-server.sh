#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3's server, Node extension host and web workbench; it runs on Node 20,
# newer releases need Node 22) into DIR, for the editor suite (test/editor/run.mjs). None of code-server's own install
# scripts run: they refuse to run as root, and they download ripgrep and node-pty binaries from GitHub, which these
# machines cannot reach. The steps below are those of the editor-tests design note.
#   test/editor/install-code-server.sh [DIR]     DIR defaults to $DG_CODE_SERVER_DIR or ~/.cache/devops-guidance/code-server
# Idempotent: does nothing when DIR already holds a complete, working 4.100.3. Installs into DIR.partial first and
# renames it at the end, so an interrupted run never leaves a half install that looks complete.
set -euo pipefail

VERSION=4.100.3
DIR="${1:-${DG_CODE_SERVER_DIR:-$HOME/.cache/devops-guidance/code-server}}"
case "$DIR" in /*) ;; *) DIR="$PWD/$DIR" ;; esac
ENTRY=node_modules/code-server/out/node/entry.js
STAMP=.devops-guidance-install-complete

say() { printf 'install-code-server: %s\n' "$*"; }
die() { printf 'install-code-server: error: %s\n' "$*" >&2; exit 1; }

version_of() { # $1 = folder; prints code-server's version line. Its own config file keeps ~/.config untouched.
  [ -f "$1/$ENTRY" ] || return 1
  [ -f "$1/config.yaml" ] || printf 'bind-addr: 127.0.0.1:0\nauth: none\n' >"$1/config.yaml"
  (cd "$1" && CODE_SERVER_CONFIG="$1/config.yaml" node "$ENTRY" --version 2>&1 | grep -m 1 'with Code')
}
works() { # $1 = folder; true when it holds a complete, working code-server $VERSION
  [ -f "$1/$STAMP" ] || return 1
  case "$(version_of "$1")" in "$VERSION "*"with Code 1.100.3"*) return 0 ;; *) return 1 ;; esac
}

if works "$DIR"; then
  say "code-server $VERSION already installed in $DIR"
  exit 0
fi

# What the native builds and the editor suite need from Debian (.ci/run installs them with apt-get).
missing=""
for p in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  die "missing Debian packages:$missing
  install them first:  apt-get update && apt-get install -y --no-install-recommends$missing"
fi
for tool in node npm npx make g++ python3; do
  command -v "$tool" >/dev/null || die "'$tool' is not on PATH (needed to build code-server's native modules)"
done
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || die "code-server $VERSION needs Node 20; this is Node $(node --version)"
[ -f /usr/include/node/node_api.h ] || [ -f "$(dirname "$(dirname "$(command -v node)")")/include/node/node_api.h" ] ||
  die "Node's C headers are missing (include/node next to the node binary); node-gyp would try to download them"

T0=$(date +%s)
step() { say "[$(( $(date +%s) - T0 )) s] $*"; }
PART="$DIR.partial"
rm -rf "$PART"
mkdir -p "$PART"
cd "$PART"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error
npm_quiet() { # npm with its output kept in a log that is shown only when it fails
  local log="$PART/npm-$1.log"; shift
  if ! "$@" >"$log" 2>&1; then tail -n 40 "$log" >&2; die "failed: $* (in $PWD; full log $log)"; fi
}

step "npm install --ignore-scripts code-server@$VERSION"
printf '{ "name": "dg-code-server", "private": true }\n' >package.json
npm_quiet 1 npm install --no-save --ignore-scripts --no-package-lock "code-server@$VERSION"
npm_quiet 2 npm rebuild argon2

VS="$PART/node_modules/code-server/lib/vscode"
step "VS Code server dependencies"
cd "$VS"
npm_quiet 3 npm install --omit=dev --ignore-scripts
npm_quiet 4 npm rebuild kerberos @vscode/spdlog native-watchdog @parcel/watcher @vscode/deviceid
step "node-pty (node-gyp, headers from the local Node)"
cd "$VS/node_modules/node-pty"
npm_quiet 5 npx --yes node-gyp@12.4.0 rebuild

step "ripgrep and the links code-server's postinstall would make"
cd "$VS"
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
step "built-in extensions' dependencies"
cd "$VS/extensions"
npm_quiet 6 npm install --omit=dev --ignore-scripts

cd "$PART"
v="$(version_of "$PART")" || v="no version line from node $ENTRY --version"
case "$v" in "$VERSION "*"with Code 1.100.3"*) ;; *) die "the installed code-server does not start: $v" ;; esac
rm -f "$PART"/npm-*.log
touch "$PART/$STAMP"
if [ -e "$DIR" ]; then # a broken or older install of ours; refuse to delete anything else
  [ -z "$(ls -A "$DIR")" ] || [ -d "$DIR/node_modules/code-server" ] || die "$DIR exists and is not a code-server install; not replacing it"
  rm -rf "$DIR"
fi
mkdir -p "$(dirname "$DIR")"
mv "$PART" "$DIR"
step "installed code-server in $DIR: $v"
