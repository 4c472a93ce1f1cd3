#!/usr/bin/env bash
# Installs a RegionDesk .deb into a clean Debian 12 (bookworm) root made with
# debootstrap, with apt resolving its declared dependencies from the Debian
# mirror, then runs `regiondesk --version`, `regiondesk --help`,
# `regiondesk-server --help` and a short server start inside it (chroot), and
# checks the installed files. A missing or wrong dependency fails here, not
# on a clerk's machine.
#   packaging/test-deb.sh [path/to/regiondesk_X_amd64.deb]
# Needs root (debootstrap, chroot) and the Debian mirror apt uses. The clean
# root is made once and kept as a tarball (REGIONDESK_DEB_ROOT_CACHE); every
# run starts from a fresh copy of it.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib/common.sh"
cd "$REPO_ROOT"

deb="${1:-$(ls -t build-package/regiondesk_*_amd64.deb build/regiondesk_*_amd64.deb 2>/dev/null | head -n 1)}"
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
    echo "packaging/test-deb.sh: no .deb given or found; run scripts/package first" >&2
    exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "packaging/test-deb.sh: needs root (debootstrap and chroot)" >&2
    exit 2
fi
ensure_packages debootstrap
mirror="${REGIONDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
cache="${REGIONDESK_DEB_ROOT_CACHE:-/var/tmp/regiondesk-bookworm-minbase.tar.gz}"
root="$(mktemp -d /var/tmp/regiondesk-debroot.XXXXXX)"
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT

if [ ! -f "$cache" ]; then
    say "Making a clean Debian 12 root (debootstrap, once)"
    fresh="$(mktemp -d /var/tmp/regiondesk-bootstrap.XXXXXX)"
    debootstrap --variant=minbase bookworm "$fresh" "$mirror"
    tar -C "$fresh" -czf "$cache.part" .
    mv "$cache.part" "$cache"
    rm -rf "$fresh"
fi
say "Unpacking a fresh copy of the clean root"
tar -C "$root" -xzf "$cache"
cat > "$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
SOURCES
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/regiondesk.deb"

say "Installing $(basename "$deb") with its declared dependencies"
chroot "$root" apt-get update -q
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/regiondesk.deb

say "Running it there"
check() { # check DESCRIPTION COMMAND...: runs in the root, fails loudly
    local description="$1"
    shift
    if ! output="$(chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin LANG=C.UTF-8 "$@" 2>&1)"; then
        echo "FAILED: $description" >&2
        echo "$output" >&2
        exit 1
    fi
    printf '%s\n' "$output" | head -n 3
}
version="$(check "regiondesk --version" regiondesk --version)"
echo "$version"
grep -q "RegionDesk [0-9]" <<<"$version" || { echo "FAILED: no version in: $version" >&2; exit 1; }
check "regiondesk --help" regiondesk --help >/dev/null
check "regiondesk-server --help" regiondesk-server --help
check "regiondesk demo-cache" env REGIONDESK_CACHE_PASSPHRASE=package-test regiondesk demo-cache --count 20 --cache /tmp/c.sqlite
check "regiondesk check-cache" env REGIONDESK_CACHE_PASSPHRASE=package-test regiondesk check-cache --cache /tmp/c.sqlite
# The server starts and answers (its Qt Network and SQLite libraries
# resolve); the desk signs in to it, synchronises and draws its window with
# the offscreen platform (the platform plugins come from the declared
# qt6-qpa-plugins). On loopback inside the root.
chroot "$root" sh -c 'regiondesk-server --data /tmp/srv --port 18765 --demo 50 >/tmp/srv.log 2>&1 &
    echo $! >/tmp/srv.pid
    for i in $(seq 1 50); do grep -q "listening" /tmp/srv.log 2>/dev/null && break; sleep 0.2; done'
grep -q "listening" "$root/tmp/srv.log" || { echo "FAILED: the server did not start" >&2; cat "$root/tmp/srv.log" >&2; exit 1; }
head -n 1 "$root/tmp/srv.log"
shot_ok=0
chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    REGIONDESK_PASSWORD=demo REGIONDESK_CACHE_PASSPHRASE=package-test timeout 120 regiondesk --server http://127.0.0.1:18765 --user clerk \
    --language ru --screenshot /tmp/shot.png >"$root/tmp/desk.log" 2>&1 && shot_ok=1
chroot "$root" sh -c 'kill $(cat /tmp/srv.pid)' || true
if [ "$shot_ok" != 1 ] || [ ! -s "$root/tmp/shot.png" ]; then
    echo "FAILED: the desk did not sign in and draw its window" >&2
    cat "$root/tmp/desk.log" >&2
    exit 1
fi
cp "$root/tmp/shot.png" "${REGIONDESK_DEB_SHOT:-/tmp/regiondesk-deb-window.png}"
echo "the desk signed in, synchronised and drew its window ($(stat -c %s "$root/tmp/shot.png") bytes)"

say "Installed files"
for f in /usr/share/applications/org.regiondesk.RegionDesk.desktop \
         /usr/share/metainfo/org.regiondesk.RegionDesk.metainfo.xml \
         /usr/share/icons/hicolor/256x256/apps/org.regiondesk.RegionDesk.png \
         /usr/share/icons/hicolor/scalable/apps/org.regiondesk.RegionDesk.svg \
         /usr/share/man/man1/regiondesk.1.gz /usr/share/man/man1/regiondesk-server.1.gz \
         /usr/share/doc/regiondesk/copyright /lib/systemd/system/regiondesk-server.service; do
    [ -f "$root$f" ] || { echo "FAILED: $f not installed" >&2; exit 1; }
done
# The server's settings: in /etc, a conffile, kept on removal (an
# administrator's edits survive), gone on purge.
[ -f "$root/etc/regiondesk-server.conf" ] || { echo "FAILED: /etc/regiondesk-server.conf not installed" >&2; exit 1; }
chroot "$root" dpkg-query --control-show regiondesk conffiles | grep -qx "/etc/regiondesk-server.conf" ||
    { echo "FAILED: /etc/regiondesk-server.conf is not a conffile" >&2; exit 1; }
echo "; edited by the administrator" >>"$root/etc/regiondesk-server.conf"
chroot "$root" apt-get remove -y -q regiondesk >/dev/null
[ ! -e "$root/usr/bin/regiondesk" ] || { echo "FAILED: not removed" >&2; exit 1; }
grep -q "edited by the administrator" "$root/etc/regiondesk-server.conf" ||
    { echo "FAILED: removal lost the administrator's settings" >&2; exit 1; }
chroot "$root" dpkg --purge regiondesk >/dev/null
[ ! -e "$root/etc/regiondesk-server.conf" ] || { echo "FAILED: purge left the settings" >&2; exit 1; }
say "The package installs, runs and removes cleanly in a clean Debian 12 root"
