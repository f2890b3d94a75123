#!/usr/bin/env bash
# Installs code-server (VS Code's own workbench and extension host, served to a browser) for the
# end-to-end tests, outside the project's dependencies so that package.json stays free of it.
# Needs Node 20, ripgrep and the headers of libkrb5, libx11, libxkbfile and libsecret (see .ci/run).
# Usage: .ci/install-code-server.sh   (directory: $MILESTONES_CODE_SERVER_DIR, default ~/.cache/milestones-code-server)
set -euo pipefail

# 4.100.x is the newest line whose engines.node accepts Node 20.
version=4.100.3
dir="${MILESTONES_CODE_SERVER_DIR:-$HOME/.cache/milestones-code-server}"
entry="$dir/node_modules/code-server/out/node/entry.js"

if [[ -f "$entry" && -f "$dir/.installed-$version" ]]; then
  echo "code-server $version is already installed in $dir"
  exit 0
fi

for tool in node npm rg tar; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing; install it first (see .ci/run)" >&2; exit 1; }
done

mkdir -p "$dir"
cd "$dir"
[[ -f package.json ]] || echo '{"name":"milestones-code-server","private":true}' > package.json

# First without scripts, to learn which @vscode/ripgrep its own lockfile pins.
npm install --ignore-scripts --no-audit --no-fund --no-save "code-server@$version"

# @vscode/ripgrep's install script downloads rg from GitHub, which these machines cannot reach;
# it takes a tarball from its cache folder instead, so put Debian's rg there under the expected name.
ripgrep_version=$(node -p "require('./node_modules/code-server/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")
case "$(uname -m)" in
  x86_64) ripgrep_target=x86_64-unknown-linux-musl ;;
  aarch64 | arm64) ripgrep_target=aarch64-unknown-linux-musl ;;
  *) echo "install-code-server: no ripgrep cache recipe for $(uname -m)" >&2; exit 1 ;;
esac
cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$ripgrep_version"
mkdir -p "$cache"
# v13.0.0-10 is the ripgrep build that @vscode/ripgrep 1.15.x asks for.
tar czf "$cache/ripgrep-v13.0.0-10-$ripgrep_target.tar.gz" -C "$(dirname "$(command -v rg)")" rg

# Now the install scripts: code-server's postinstall installs VS Code's own dependencies.
# It refuses to run as root unless npm says unsafe-perm.
npm_config_unsafe_perm=true npm_config_yes=true npm rebuild --foreground-scripts

test -f "$entry"
touch "$dir/.installed-$version"
echo "code-server $version installed: node $entry"
