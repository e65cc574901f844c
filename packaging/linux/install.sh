#!/usr/bin/env sh
# Install this Collector Desk bundle for one user (no root needed), or for everyone with
# --system (run as root). Run from the unpacked bundle:
#   ./install.sh --server https://collector-desk.bank.example        the bank's sync service
#   ./install.sh --demo                                              the built-in demo instead
#   ./install.sh --uninstall [--system]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local"
server="" demo="" uninstall=""
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server="$2"; shift 2 ;;
    --demo) demo=1; shift ;;
    --system) prefix=/usr/local; shift ;;
    --uninstall) uninstall=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
app="$prefix/lib/collector-desk" bin="$prefix/bin/collector-desk"
entry="$prefix/share/applications/collector-desk.desktop"
icon="$prefix/share/icons/hicolor/256x256/apps/collector-desk.png"
if [ -n "$uninstall" ]; then
  rm -rf "$app" "$bin" "$entry" "$icon"
  echo "removed; each user's caches, settings and logs stay (collector-desk info lists them)"
  exit 0
fi
if [ -z "$server" ] && [ -z "$demo" ]; then
  echo "say which server the desktop entry opens: --server URL (or --demo)" >&2
  exit 2
fi
if [ -n "$server" ]; then
  case "$server" in https://*|http://127.0.0.1*|http://localhost*) ;;
    *) echo "the server must be https:// (plain http only on this computer)" >&2; exit 2 ;;
  esac
  command="run --server $server"
else
  command="demo"
fi
mkdir -p "$app" "$(dirname "$bin")" "$(dirname "$entry")" "$(dirname "$icon")"
cp -R "$here/." "$app/"
ln -sf "$app/collector-desk" "$bin"
cp "$here/collector-desk.png" "$icon"
sed "s|^Exec=.*|Exec=$app/collector-desk $command|" "$here/collector-desk.desktop" > "$entry"
echo "installed in $app; the menu entry runs: collector-desk $command"
