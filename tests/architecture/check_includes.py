#!/usr/bin/env python3
"""Checks every #include between modules against the architecture's table.

Each folder under src/ is a module. docs/architecture.md holds the one table of which modules a
module's files (its tests too) may include, between the markers
`<!-- module-table: begin -->` and `<!-- module-table: end -->`. An include of another module's
header that the table does not allow is reported as FILE:LINE with the rule it breaks, and the
check exits 1. Product code (a file not named *_test.cc) may not include tests/ either, and
test-only helpers live in tests/support/, not in product folders: a file under src/ whose name
says "test" must be a *_test.cc.

    check_includes.py --src src --table docs/architecture.md
"""
import argparse
import re
import sys
from pathlib import Path

BEGIN = '<!-- module-table: begin -->'
END = '<!-- module-table: end -->'
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def read_table(doc: Path) -> dict[str, set[str]]:
    """The table's rows as {module: modules it may include}. Raises ValueError when malformed."""
    text = doc.read_text(encoding='utf-8')
    if BEGIN not in text or END not in text:
        raise ValueError(f'{doc}: no module table between {BEGIN} and {END}')
    rows = text.split(BEGIN, 1)[1].split(END, 1)[0].strip().splitlines()
    table: dict[str, set[str]] = {}
    for number, row in enumerate(rows, start=1):
        cells = [cell.strip().strip('`') for cell in row.strip().strip('|').split('|')]
        if len(cells) < 2 or set(cells[0]) <= set('-: ') or cells[0] == 'module':
            continue  # the header and its rule
        module, allowed = cells[0], cells[1]
        names = set() if allowed in ('', '-', '—') else {
            name.strip().strip('`') for name in allowed.split(',')}
        if module in table:
            raise ValueError(f'{doc}: module table row {number}: {module} is listed twice')
        table[module] = names
    for module, names in table.items():
        unknown = names - table.keys()
        if unknown:
            raise ValueError(f'{doc}: {module} may include {", ".join(sorted(unknown))}, '
                             'which the table does not list as modules')
    return table


def violations(src: Path, table: dict[str, set[str]]) -> list[str]:
    found = []
    modules = sorted(path.name for path in src.iterdir() if path.is_dir())
    for module in modules:
        if module not in table:
            found.append(f'{src / module}: module {module} is not in the module table')
            continue
        for path in sorted((src / module).rglob('*')):
            if path.suffix not in ('.h', '.cc'):
                continue
            is_test = path.name.endswith('_test.cc')
            if 'test' in path.name and not is_test:
                found.append(f'{path}: test-only code in a product folder '
                             '(tests/support/ holds what tests share)')
            lines = path.read_text(encoding='utf-8', errors='replace').splitlines()
            for number, line in enumerate(lines, start=1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                target = match.group(1).split('/', 1)[0]
                if target == 'tests':
                    if not is_test:
                        found.append(f'{path}:{number}: product code includes test support '
                                     f'"{match.group(1)}" (only *_test.cc files may)')
                    continue
                if target == module or target not in table:
                    continue  # the module's own header, or not a module (a generated file)
                if target not in table[module]:
                    allowed = ', '.join(sorted(table[module])) or 'no other module'
                    found.append(f'{path}:{number}: {module} may not include "{match.group(1)}" '
                                 f'({module} may include {allowed}: docs/architecture.md)')
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--src', type=Path, required=True)
    parser.add_argument('--table', type=Path, required=True)
    arguments = parser.parse_args()
    try:
        table = read_table(arguments.table)
    except (OSError, ValueError) as error:
        print(f'check_includes: {error}', file=sys.stderr)
        return 2
    found = violations(arguments.src, table)
    for line in found:
        print(line, file=sys.stderr)
    if found:
        print(f'check_includes: {len(found)} include(s) break the module table', file=sys.stderr)
        return 1
    print(f'check_includes: every include between {len(table)} modules follows the table')
    return 0


if __name__ == '__main__':
    sys.exit(main())
