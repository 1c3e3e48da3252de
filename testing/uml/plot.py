#!/usr/bin/python3
"""SVG pictures of the recovery benchmark and of the demo's timeline,
written by hand (no plotting package needed).

  plot.py RAW.txt OUT.svg    the recovery plot from a saved
                             `make bench-recovery` output (its
                             "<config> down <D>s run <i>: deleted <a>,
                             ping <b>" lines)

recovery-run imports recovery_svg() and timeline_svg()."""

import math
import re
import sys

LABELS = {
    "stock": "#c0392b",
    "patched": "#2471a3",
}
FONT = 'font-family="DejaVu Sans, sans-serif" font-size="12"'


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def recovery_svg(path, rows, title, ceiling=180.0):
    """ROWS: [(scenario, [stock seconds], [patched seconds])]; one
    strip per scenario, every run a dot, the median a bar; log scale
    from 1 s to CEILING (runs that never recovered sit at CEILING)."""
    left, right, top, strip = 170, 130, 66, 46
    width = 840
    height = top + strip * len(rows) + 60
    lo, hi = 1.0, ceiling

    def x(v):
        v = min(max(v, lo), hi)
        return left + (width - left - right) * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">' % (
        width, height, width, height),
        '<rect width="100%" height="100%" fill="white"/>',
        '<text x="%d" y="22" %s font-weight="bold">%s</text>' % (20, FONT, esc(title)),
        '<text x="%d" y="%d" %s>each dot one restart, the bar the median</text>' % (left + 250, 42, FONT)]
    for tick in (1, 2, 5, 10, 20, 60, 120, 180):
        if tick > hi:
            continue
        tx = x(tick)
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (
            tx, top - 10, tx, top + strip * len(rows)))
        out.append('<text x="%.1f" y="%d" %s text-anchor="middle">%s</text>' % (
            tx, top + strip * len(rows) + 18, FONT, "%d s" % tick))
    out.append('<text x="%d" y="%d" %s text-anchor="middle">seconds from the restarted gateway\'s pluto being up to the first ping through the new tunnel (log scale)</text>' % (
        (width) // 2, top + strip * len(rows) + 40, FONT))
    for i, (name, stock, patched) in enumerate(rows):
        y0 = top + strip * i
        out.append('<text x="%d" y="%d" %s text-anchor="end">%s</text>' % (left - 10, y0 + strip // 2 + 4, FONT, esc(name)))
        for j, (build, runs) in enumerate((("stock", stock), ("patched", patched))):
            y = y0 + 14 + 18 * j
            colour = LABELS[build]
            for v in runs:
                out.append('<circle cx="%.1f" cy="%d" r="4" fill="%s" fill-opacity="0.6"/>' % (x(v), y, colour))
            if runs:
                m = sorted(runs)[len(runs) // 2] if len(runs) % 2 else \
                    (sorted(runs)[len(runs) // 2 - 1] + sorted(runs)[len(runs) // 2]) / 2
                out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="3"/>' % (
                    x(m), y - 8, x(m), y + 8, colour))
                out.append('<text x="%.1f" y="%d" %s fill="%s">%s</text>' % (
                    x(max(runs)) + 8, y + 4, FONT, colour,
                    ("median &gt;=%.0f s" % m) if m >= hi else "median %.1f s" % m))
    # legend
    ly = 42
    for j, build in enumerate(("stock", "patched")):
        lx = left + 120 * j
        out.append('<circle cx="%d" cy="%d" r="5" fill="%s"/>' % (lx, ly - 4, LABELS[build]))
        out.append('<text x="%d" y="%d" %s>%s</text>' % (lx + 10, ly, FONT,
                                                         "stock 5.2" if build == "stock" else "patched"))
    out.append('</svg>')
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def timeline_svg(path, timelines, title):
    """TIMELINES: [(label, [(seconds from the crash, event)])]; one
    lane per build, events as ticks with their text."""
    left, right, top, lane = 20, 30, 50, 120
    width = 900
    height = top + lane * len(timelines) + 40
    end = max(t for _, ev in timelines for t, _ in ev) * 1.05 + 1

    def x(t):
        return left + (width - left - right) * t / end

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">' % (
        width, height, width, height),
        '<rect width="100%" height="100%" fill="white"/>',
        '<text x="%d" y="22" %s font-weight="bold">%s</text>' % (left, FONT, esc(title))]
    for i, (label, events) in enumerate(timelines):
        y = top + lane * i + 30
        colour = LABELS.get("stock" if label.startswith("stock") else "patched")
        out.append('<text x="%d" y="%d" %s font-weight="bold" fill="%s">%s</text>' % (left, y - 14, FONT, colour, esc(label)))
        out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>' % (left, y, width - right, y))
        for k, (t, what) in enumerate(sorted(events)):
            tx = x(t)
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="2"/>' % (tx, y - 6, tx, y + 6, colour))
            # text right of the tick, or left of it in the right half
            anchor = "end" if tx > width / 2 else "start"
            out.append('<text x="%.1f" y="%d" %s font-size="11" text-anchor="%s">%s</text>' % (
                tx - 3 if anchor == "end" else tx + 3, y + 20 + 14 * (k % 4),
                FONT.replace('font-size="12"', ''), anchor, esc("%+.1fs %s" % (t, what))))
    out.append('</svg>')
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def parse_raw(text):
    """{(config, downtime): [ping seconds]} from bench-recovery output."""
    runs = {}
    for m in re.finditer(r'^(\S+) down (\d+)s run \d+: deleted \S+, ping (\S+)$', text, re.M):
        v = m.group(3)
        runs.setdefault((m.group(1), int(m.group(2))), []).append(
            float(v.replace(">=", "")) if v != "-" else 180.0)
    # "as run 1 (no trigger without dpddelay)"
    for m in re.finditer(r'^(\S+) down (\d+)s run \d+: as run 1', text, re.M):
        key = (m.group(1), int(m.group(2)))
        if runs.get(key):
            runs[key].append(runs[key][0])
    return runs


def rows_from_runs(runs, scenarios):
    """SCENARIOS: recovery-run's [(name, stock config, patched config, downtime)]."""
    rows = []
    for name, stock, patched, down in scenarios:
        if (stock, down) in runs and (patched, down) in runs:
            rows.append((name, runs[(stock, down)], runs[(patched, down)]))
    return rows


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    import os
    from importlib.machinery import SourceFileLoader
    rr = SourceFileLoader("recovery_run", os.path.join(os.path.dirname(os.path.realpath(__file__)),
                                                       "recovery-run")).load_module()
    runs = parse_raw(open(sys.argv[1]).read())
    rows = rows_from_runs(runs, rr.SCENARIOS)
    if not rows:
        sys.exit("plot: no runs in %s" % sys.argv[1])
    recovery_svg(sys.argv[2], rows, "Recovery after a peer restart: stock libreswan 5.2 vs patched (%s)" %
                 re.sub(r'^.*bench-recovery-|\.txt$', '', sys.argv[1]))
    print("plot: %s (%d scenarios)" % (sys.argv[2], len(rows)))


if __name__ == "__main__":
    main()
