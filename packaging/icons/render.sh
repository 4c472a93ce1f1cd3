#!/usr/bin/env bash
# Renders the icon's PNGs (hicolor sizes) and the Windows .ico from the SVG.
# Run after changing the SVG; the results are committed (the build does not
# need librsvg). Needs rsvg-convert (Debian: librsvg2-bin) and python3.
set -euo pipefail
cd "$(dirname "$0")"
sizes=(16 24 32 48 64 128 256)
for s in "${sizes[@]}"; do
    rsvg-convert -w "$s" -h "$s" org.regiondesk.RegionDesk.svg -o "regiondesk-$s.png"
done
# An .ico of PNG images (Windows Vista and later read them).
python3 - "${sizes[@]}" <<'PY'
import struct, sys
sizes = [int(s) for s in sys.argv[1:] if int(s) in (16, 24, 32, 48, 64, 128, 256)]
images = [open(f"regiondesk-{s}.png", "rb").read() for s in sizes]
header = struct.pack("<HHH", 0, 1, len(images))
offset = 6 + 16 * len(images)
entries = b""
for s, data in zip(sizes, images):
    entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
open("../windows/regiondesk.ico", "wb").write(header + entries + b"".join(images))
PY
