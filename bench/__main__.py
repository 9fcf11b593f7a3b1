"""``python -m bench NAME [options]`` runs the benchmark script ``bench/NAME.py``; without a
name it lists them. Each script also runs on its own: ``python bench/NAME.py --help``."""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAMES = sorted(p.stem for p in HERE.glob("*.py") if not p.stem.startswith("_"))

if len(sys.argv) < 2 or sys.argv[1] not in NAMES:
    print(
        f"usage: python -m bench NAME [options]   (NAME: {', '.join(NAMES)}; "
        "python -m bench NAME --help for its options)"
    )
    sys.exit(0 if len(sys.argv) < 2 else 2)
script = HERE / f"{sys.argv[1]}.py"
sys.argv = [str(script), *sys.argv[2:]]
runpy.run_path(str(script), run_name="__main__")
