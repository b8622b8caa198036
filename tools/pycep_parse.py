"""Parses Bicep files with pycep (a Bicep parser written by others, not by lambda2azure).

Usage: python pycep_parse.py FILE...
Prints one line per file that does not parse ("FILE: error") and exits 1 if any did not; 0 otherwise.
"""
import sys
from pathlib import Path

from pycep import BicepParser


def main(files):
    failures = 0
    parser = BicepParser()
    for name in files:
        try:
            parser.parse(text=Path(name).read_text(encoding="utf-8"))
        except Exception as error:  # pycep raises lark errors of several kinds
            failures += 1
            print(f"{name}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
