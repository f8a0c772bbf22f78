// Code that only Python 2 runs. A file in Python 2 syntax cannot be a fixture (fixture outputs must
// compile with python3), so its case is written here: its findings say that Python 3 cannot run it.
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonReady, transformSource } from '../src/python/run';

beforeAll(async () => {
  await pythonReady();
});

describe('Python 2 code', () => {
  it('a script with print statements is still secured, and its finding says Python 3 cannot run it', () => {
    const source = ["import os", "", "name = os.tmpnam()", "print 'writing', name", "fd = os.open(name, os.O_CREAT | os.O_WRONLY)", "os.close(fd)", ""].join('\n');
    const { changed, findings } = transformSource(source, 'check_read.py');
    expect(changed).toBe(true);
    expect(findings).toMatchObject([{ ruleId: 'name-only-temp-api', line: 3, fixed: true, suppressed: false }]);
    expect(findings[0].message).toContain('(the file uses Python 2 statements such as print x, so Python 3 cannot run it)');
  });

  it('a file that only imports print_function from __future__ runs on Python 3 too: no such note', () => {
    const source = ['from __future__ import print_function', 'import tempfile', '', 'name = tempfile.mktemp()', "with open(name, 'w') as f:", "    print('x', file=f)", ''].join('\n');
    const { findings } = transformSource(source, 'both.py');
    expect(findings.length).toBe(1);
    expect(findings[0].message).not.toContain('Python 3 cannot run it');
  });
});
