# Shared by scripts/demo, scripts/test and scripts/bench: installs what is
# missing and configures the build. Package names are Debian's; the release
# (Debian 12 bookworm and Ubuntu 24.04 with Qt 6.4, Debian 13 trixie with
# Qt 6.8) picks the few that differ.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The release's code name (bookworm, trixie, noble, ...), empty if unknown.
release_codename() {
    # shellcheck disable=SC1091
    ([ -r /etc/os-release ] && . /etc/os-release && echo "${VERSION_CODENAME:-}")
}

# What building needs. Every -dev package that a library's pkg-config or
# CMake file drags in is named here too, never left to the machine:
# libxlsxwriter's xlsxwriter.pc links -lz (zlib1g-dev), Qt's OpenGL target
# needs libgl-dev.
BUILD_PACKAGES=(
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-positioning-dev qtkeychain-qt6-dev
    libxlsxwriter-dev zlib1g-dev libgl-dev libpq-dev
)
# Past Debian 12, libxlsxwriter's xlsxwriter.pc (1.1.5 and later) requires
# minizip and libcrypto as well (Requires.private, which pkg-config checks).
case "$(release_codename)" in
    bookworm) ;;
    *) BUILD_PACKAGES+=(libminizip-dev libssl-dev) ;;
esac
# Qt Location exists from Qt 6.5 (Debian 13 and later; not Debian 12 or
# Ubuntu 24.04): only the benchmark that measures it against our own map
# (tests/bench/qtlocation_bench) uses it.
case "$(release_codename)" in
    bookworm | jammy | noble | "") ;;
    *)
        BUILD_PACKAGES+=(qt6-declarative-dev qt6-location-dev qt6-location-plugins
            qml6-module-qtlocation qml6-module-qtpositioning qml6-module-qtquick
            qml6-module-qtqml-workerscript)
        ;;
esac
# What the tests need besides: fonts for offscreen rendering, setpriv (in
# util-linux) to run a probe without root's powers, Qt's translations.
# gdal-bin makes the MBTiles file the map tests read (a tool we did not write);
# desktop-file-utils and appstream validate the desktop entry and metainfo.
# libxml2-utils (xmllint) and python3-jsonschema check every Open311 answer
# against the schemas in tests/server/open311.
# postgresql: the server tests run again on a throwaway cluster of its own
# (tests/server/pgcluster.sh; the package's own cluster is left alone).
TEST_PACKAGES=(fonts-dejavu-core util-linux qt6-translations-l10n openssl gdal-bin poppler-utils unzip desktop-file-utils appstream libxml2-utils python3-jsonschema postgresql)
# What showing a window needs.
GUI_PACKAGES=(qt6-qpa-plugins qt6-translations-l10n fonts-dejavu-core)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# ensure_packages PKG...: installs the listed packages that are not installed.
ensure_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "All needed packages are installed"
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "These packages are missing and this is not a Debian/Ubuntu system: ${missing[*]}" >&2
        echo "Install their equivalents (Qt >= 6.4, CMake >= 3.21; SQLite comes with the source, third_party/sqlite3mc) and run again." >&2
        exit 1
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    say "Installing missing packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# configure_build DIR BUILD_TYPE [CMAKE ARGS...]
configure_build() {
    local dir="$1" type="$2"
    shift 2
    local launcher=()
    if command -v ccache >/dev/null 2>&1; then
        launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    say "Configuring $dir ($type)"
    cmake -S "$REPO_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "${launcher[@]}" "$@" >/dev/null
}

build() {
    local dir="$1"
    shift
    say "Building $dir $*"
    cmake --build "$dir" --parallel "$(nproc)" "$@"
}
