#!/usr/bin/env python3
"""Tests of check_thread_safety.py on small trees it writes, against the real core/mutex.h."""
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECK = HERE / 'check_thread_safety.py'
PRODUCT_SRC = HERE.parent.parent / 'src'

ACCOUNT_H = '''#include "core/mutex.h"
class Account {
 public:
  void Deposit(int amount);
  int balance();
 private:
  coolpapers::Mutex mutex_;
  int balance_ GUARDED_BY(mutex_) = 0;
};
'''
LOCKED = '''#include "bank/account.h"
void Account::Deposit(int amount) {
  coolpapers::MutexLock lock(&mutex_);
  balance_ += amount;
}
int Account::balance() {
  coolpapers::MutexLock lock(&mutex_);
  return balance_;
}
'''
# balance() forgets the lock.
UNLOCKED = LOCKED.replace('int Account::balance() {\n  coolpapers::MutexLock lock(&mutex_);\n',
                          'int Account::balance() {\n')


class CheckThreadSafetyTest(unittest.TestCase):
    def run_check(self, account_cc: str, clang: str = 'clang++-16'):
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp, 'src')
            (src / 'bank').mkdir(parents=True)
            (src / 'bank' / 'account.h').write_text(ACCOUNT_H)
            (src / 'bank' / 'account.cc').write_text(account_cc)
            (src / 'bank' / 'plain.cc').write_text('int Plain() { return 1; }\n')
            commands = [{
                'directory': tmp,
                'command': f'/usr/bin/c++ -I{src} -I{PRODUCT_SRC} -O2 -Wall -Werror -std=c++23 '
                           f'-o {name}.o -c {src / "bank" / name}',
                'file': str(src / 'bank' / name),
            } for name in ('account.cc', 'plain.cc')]
            Path(tmp, 'compile_commands.json').write_text(json.dumps(commands))
            return subprocess.run(
                [sys.executable, str(CHECK), '--compile-commands',
                 str(Path(tmp, 'compile_commands.json')), '--src', str(src), '--clang', clang],
                capture_output=True, text=True)

    def test_passes_when_every_access_holds_the_lock(self):
        run = self.run_check(LOCKED)
        self.assertEqual(run.returncode, 0, run.stderr)
        # account.cc reaches core/mutex.h through its header; plain.cc is not checked.
        self.assertIn('1 files including core/mutex.h', run.stdout)

    def test_fails_with_clangs_message_on_an_unguarded_read(self):
        run = self.run_check(UNLOCKED)
        self.assertEqual(run.returncode, 1, run.stdout)
        self.assertIn("reading variable 'balance_' requires holding mutex 'mutex_'", run.stderr)
        self.assertIn('account.cc', run.stderr)

    def test_names_the_package_when_clang_is_missing(self):
        run = self.run_check(LOCKED, clang='clang++-no-such-version')
        self.assertEqual(run.returncode, 2)
        self.assertIn('clang-16', run.stderr)


if __name__ == '__main__':
    unittest.main()
