"""Regenerate ``knowledge/data/cameo.tsv`` from the OEDA CAMEO→PLOVER conversion table.

Why a script: the conversion table is reference material that may not ship with the
project, but its facts (code → category, mode, context) are data the coder needs.  The
script keeps only those facts, in a tab-separated file the package reads, and can be
rerun whenever the reference table changes.

    python tools/make_cameo_table.py [../shared/reference/CAMEO2PLOVER-2021.txt] [out.tsv]

Reading rules: ``CODE: CATEGORY, mode, context # description`` rows; two-digit root
rows carry only a category; contexts separated by ``;`` become ``|``-separated; a code
listed twice keeps its first row; the description text is dropped.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "../shared/reference/CAMEO2PLOVER-2021.txt"
TARGET = ROOT / "src/dotterel/knowledge/data/cameo.tsv"
HEADER = "code\tcategory\tmode\tcontext"
ROW = re.compile(r"^(\d{2,4}):\s*([^#]*)")


def rows(text: str) -> list[tuple[str, str, str, str]]:
    """(code, category, mode, context) for each code, in the table's order."""
    out: dict[str, tuple[str, str, str, str]] = {}
    for line in text.splitlines():
        m = ROW.match(line.strip())
        if not m:
            continue
        code, fields = m.group(1), [f.strip() for f in m.group(2).split(",")]
        fields += [""] * (3 - len(fields))
        category, mode, context = fields[:3]
        contexts = "|".join(c.strip() for c in context.split(";") if c.strip())
        out.setdefault(code, (code, category, mode, contexts))
    return list(out.values())


def render(text: str) -> str:
    return "\n".join([HEADER] + ["\t".join(r) for r in rows(text)]) + "\n"


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else SOURCE
    target = Path(argv[1]) if len(argv) > 1 else TARGET
    target.write_text(render(source.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
