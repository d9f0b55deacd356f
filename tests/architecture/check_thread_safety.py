#!/usr/bin/env python3
"""Runs Clang's thread-safety analysis over the product's sources (issue #13).

Members a mutex guards are declared GUARDED_BY(mutex_) (src/core/thread_annotations.h); g++,
which builds the product, ignores the attributes, so this check runs clang-16 with
-fsyntax-only -Wthread-safety -Werror=thread-safety over every .cc under --src that defines
locked code (it includes core/mutex.h, or its own header or a header-only one that does), with
each file's flags from the build's compile_commands.json. Clang's messages are printed as they come (FILE:LINE: error:
reading variable 'x_' requires holding mutex 'mutex_') and the check exits 1 when any file has
one; it exits 2 when clang-16 is missing.

    check_thread_safety.py --compile-commands build/compile_commands.json --src src
"""
import argparse
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

MUTEX_HEADER = 'core/mutex.h'
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
# libstdc++ 12's <expected> wants __cpp_concepts >= 202002L, which clang 16 supports but does
# not advertise; and clang 16 spells C++23 as c++2b.
CLANG_FLAGS = ['-std=c++2b', '-U__cpp_concepts', '-D__cpp_concepts=202002L',
               '-Wno-builtin-macro-redefined', '-fsyntax-only', '-Wno-everything',
               '-Wthread-safety', '-Werror=thread-safety']


def includes_mutex_directly(path: Path) -> bool:
    return MUTEX_HEADER in INCLUDE.findall(path.read_text(encoding='utf-8', errors='replace'))


def defines_guarded_code(path: Path, src: Path) -> bool:
    """Whether `path` (a .cc) holds code the analysis can fault: it includes core/mutex.h
    itself, or a header under `src` that does and whose code it defines (its own header,
    "x.h" for x.cc and x_test.cc) or that has no .cc of its own (header-only code is checked
    where it is included). A file that only reaches a locked class through other headers
    calls its methods and cannot break their locking; checking it too tripled the time."""
    if includes_mutex_directly(path):
        return True
    own = {path.with_suffix('.h'), path.parent / path.name.replace('_test.cc', '.h')}
    for name in INCLUDE.findall(path.read_text(encoding='utf-8', errors='replace')):
        header = src / name
        if not header.is_file() or not includes_mutex_directly(header):
            continue
        if header in own or not header.with_suffix('.cc').is_file():
            return True
    return False


def clang_arguments(entry: dict) -> list[str]:
    """The -D, -U, -I and -isystem flags of one compile_commands.json entry."""
    words = entry['arguments'] if 'arguments' in entry else shlex.split(entry['command'])
    kept = []
    words = iter(words[1:])
    for word in words:
        if word in ('-I', '-isystem', '-D', '-U', '-include'):
            kept += [word, next(words, '')]
        elif word.startswith(('-I', '-D', '-U', '-isystem')):
            kept.append(word)
    return kept


def check(clang: str, entry: dict) -> tuple[str, int, str]:
    directory = entry.get('directory', '.')
    command = [clang, *clang_arguments(entry), *CLANG_FLAGS, entry['file']]
    run = subprocess.run(command, cwd=directory, capture_output=True, text=True)
    return entry['file'], run.returncode, run.stdout + run.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--compile-commands', required=True, type=Path)
    parser.add_argument('--src', required=True, type=Path)
    parser.add_argument('--clang', default='clang++-16')
    parser.add_argument('--jobs', type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()

    clang = shutil.which(args.clang)
    if clang is None:
        print(f'{args.clang} not found: install Debian\'s clang-16 package '
              '(scripts/install_deps.sh lists it)', file=sys.stderr)
        return 2
    src = args.src.resolve()
    entries = json.loads(args.compile_commands.read_text(encoding='utf-8'))
    chosen = {}
    for entry in entries:
        path = Path(entry.get('directory', '.'), entry['file']).resolve()
        if path.suffix == '.cc' and path.is_relative_to(src) and defines_guarded_code(path, src):
            chosen.setdefault(path, entry)  # a file built into two targets is checked once
    if not chosen:
        print(f'no file under {src} includes {MUTEX_HEADER}: nothing checked', file=sys.stderr)
        return 1

    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for file, code, output in pool.map(lambda e: check(clang, e), chosen.values()):
            if output.strip():
                print(output, end='' if output.endswith('\n') else '\n', file=sys.stderr)
            if code != 0:
                failed.append(file)
    if failed:
        print(f'thread-safety analysis failed in {len(failed)} of {len(chosen)} files:',
              *sorted(failed), sep='\n  ', file=sys.stderr)
        return 1
    print(f'thread-safety analysis ({args.clang}): {len(chosen)} files including {MUTEX_HEADER}, '
          'no warnings')
    return 0


if __name__ == '__main__':
    sys.exit(main())
