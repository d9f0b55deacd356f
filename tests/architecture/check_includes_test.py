#!/usr/bin/env python3
"""The include check itself: it passes a tree that follows its table and names the file, line and
rule of every include that does not."""
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

CHECK = Path(__file__).with_name('check_includes.py')
TABLE = '''# Architecture
<!-- module-table: begin -->
| module | may include |
|---|---|
| core | — |
| store | core |
| web | core, store |
<!-- module-table: end -->
'''


class CheckIncludesTest(unittest.TestCase):
    def setUp(self):
        self.root = Path(tempfile.mkdtemp())
        (self.root / 'docs').mkdir()
        (self.root / 'docs/architecture.md').write_text(TABLE)
        for module, text in {
            'core': '#include <string>\n#include "core/date.h"\n',
            'store': '#include "core/date.h"\n',
            'web': '#include "store/store.h"\n#include "core/date.h"\n',
        }.items():
            (self.root / 'src' / module).mkdir(parents=True)
            (self.root / 'src' / module / 'a.cc').write_text(text)

    def run_check(self):
        return subprocess.run(
            [sys.executable, str(CHECK), '--src', str(self.root / 'src'),
             '--table', str(self.root / 'docs/architecture.md')],
            capture_output=True, text=True, timeout=60)

    def test_a_tree_that_follows_the_table_passes(self):
        result = self.run_check()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('3 modules', result.stdout)

    def test_an_upward_include_fails_naming_file_line_and_rule(self):
        (self.root / 'src/store/b.h').write_text('// x\n#include "web/site.h"\n')
        result = self.run_check()
        self.assertEqual(result.returncode, 1)
        self.assertIn('store/b.h:2: store may not include "web/site.h"', result.stderr)
        self.assertIn('store may include core', result.stderr)

    def test_product_code_may_not_include_test_support(self):
        (self.root / 'src/web/b.cc').write_text('#include "tests/support/temp_dir.h"\n')
        (self.root / 'src/web/b_test.cc').write_text('#include "tests/support/temp_dir.h"\n')
        result = self.run_check()
        self.assertEqual(result.returncode, 1)
        self.assertIn('web/b.cc:1: product code includes test support', result.stderr)
        self.assertNotIn('b_test.cc', result.stderr)

    def test_test_helpers_in_a_product_folder_fail(self):
        (self.root / 'src/web/web_test_support.cc').write_text('#include "core/date.h"\n')
        result = self.run_check()
        self.assertEqual(result.returncode, 1)
        self.assertIn('web/web_test_support.cc: test-only code in a product folder', result.stderr)

    def test_a_module_missing_from_the_table_fails(self):
        (self.root / 'src/venue').mkdir()
        result = self.run_check()
        self.assertEqual(result.returncode, 1)
        self.assertIn('module venue is not in the module table', result.stderr)

    def test_a_table_naming_an_unknown_module_is_an_error(self):
        (self.root / 'docs/architecture.md').write_text(TABLE.replace('core, store |', 'core, stor |'))
        result = self.run_check()
        self.assertEqual(result.returncode, 2)
        self.assertIn('stor', result.stderr)


if __name__ == '__main__':
    unittest.main()
