#!/usr/bin/env bash
# Installs everything the whole test suite needs on a fresh Debian machine: Debian packages (Chromium and
# code-server's build needs for the editor suite, ripgrep, MariaDB for the option-file oracle, ShellCheck, Vagrant for
# the Vagrant oracle, Neovim and
# Emacs with eglot as language-server clients, pre-commit and git for the hook test),
# the npm packages, and code-server 4.100.3 in a cache folder outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo -E"; fi

PKGS="chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep mariadb-server shellcheck vagrant neovim emacs-nox elpa-eglot pre-commit git"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

npm ci --no-audit --no-fund

export DG_CODE_SERVER_DIR="${DG_CODE_SERVER_DIR:-$HOME/.cache/devops-guidance/code-server}"
if [ -x test/editor/install-code-server.sh ]; then
  test/editor/install-code-server.sh "$DG_CODE_SERVER_DIR"
fi
