#!/usr/bin/env python3
"""Reads a BibTeX or biblatex file with pybtex and with bibtexparser (Debian's python3-pybtex,
python3-bibtexparser) and prints, per tool, how many entries it read and every warning or error
it reported, as JSON: {"pybtex": {"entries": N, "warnings": [...]}, "bibtexparser": {...}}."""
import json
import logging
import sys

import bibtexparser
import pybtex.errors
from bibtexparser.bparser import BibTexParser
from pybtex.database import parse_string


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def with_pybtex(text):
    warnings = []
    # pybtex reports recoverable problems (a repeated key, a syntax error it skips) through
    # report_error, which pybtex.errors.capture() collects instead of printing.
    try:
        with pybtex.errors.capture() as captured:
            data = parse_string(text, "bibtex")
        entries = len(data.entries)
        warnings += [str(error) for error in captured]
    except Exception as error:  # a fatal parse error counts as a warning with nothing read
        warnings.append(f"{type(error).__name__}: {error}")
        entries = 0
    return {"entries": entries, "warnings": warnings}


def with_bibtexparser(text):
    collect = Collect()
    logger = logging.getLogger("bibtexparser")
    logger.addHandler(collect)
    logger.setLevel(logging.WARNING)
    try:
        parser = BibTexParser(common_strings=True)
        parser.ignore_nonstandard_types = False
        database = bibtexparser.loads(text, parser=parser)
        entries = len(database.entries)
    finally:
        logger.removeHandler(collect)
    return {"entries": entries, "warnings": collect.messages}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    json.dump({"pybtex": with_pybtex(text), "bibtexparser": with_bibtexparser(text)}, sys.stdout)


if __name__ == "__main__":
    main()
