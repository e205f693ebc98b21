"""Regenerates arial-widths.ts from Liberation Sans Regular, which is metric-compatible with Arial
(identical advance widths by design). Debian: `apt-get install fonts-liberation python3-fonttools`,
then `/usr/bin/python3 pipeline/seo/text/generate-arial-widths.py > pipeline/seo/text/arial-widths.ts`."""
from fontTools.ttLib import TTFont

FONT = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x152, 0x153), (0x160, 0x161), (0x178, 0x178), (0x17D, 0x17E)]
EXTRA = [0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2020, 0x2021, 0x2022,
         0x2026, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122]

font = TTFont(FONT)
cmap = font.getBestCmap()
hmtx = font["hmtx"]
units = font["head"].unitsPerEm
points = [cp for lo, hi in RANGES for cp in range(lo, hi + 1)] + EXTRA
rows = []
for cp in points:
    glyph = cmap.get(cp)
    if glyph is None:
        continue
    rows.append((cp, hmtx[glyph][0]))

print("/**")
print(" * Advance widths of Arial Regular in font units (units per em: %d), generated from Liberation Sans" % units)
print(" * Regular, which is metric-compatible with Arial (same advance widths), by generate-arial-widths.py.")
print(" * Width in px at a font size S is `units * S / unitsPerEm`; Google shows titles in Arial 20 px.")
print(" * Keys are Unicode code points.")
print(" */")
print("export const ARIAL_UNITS_PER_EM = %d;" % units)
print("")
print("export const ARIAL_ADVANCE_WIDTHS: ReadonlyMap<number, number> = new Map([")
line = "  "
for cp, w in rows:
    item = "[0x%04x, %d], " % (cp, w)
    if len(line) + len(item) > 110:
        print(line.rstrip())
        line = "  "
    line += item
print(line.rstrip())
print("]);")
