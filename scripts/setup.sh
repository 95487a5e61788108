#!/usr/bin/env bash
# One-time set-up on a fresh machine: pnpm at the pinned version, the
# workspace's dependencies (better-sqlite3 compiles from source when no
# prebuilt binary can be downloaded) and a first build.
set -euo pipefail
cd "$(dirname "$0")/.."

want=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want" ]; then
  # corepack cannot fetch pnpm on machines without general internet access;
  # the npm registry can.
  npm install -g "pnpm@$want"
fi

# node-gyp downloads Node's headers unless it is pointed at a local copy;
# distribution packages of Node ship them under /usr/include/node.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_api.h ]; then
  export npm_config_nodedir=/usr
fi

if [ -n "${CI:-}" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install
fi
pnpm build
