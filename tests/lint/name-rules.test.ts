import { describe, expect, it } from 'vitest';
import { lintAs } from './lint-as';

describe('name rules', () => {
  it('fails a file name that is not kebab-case, in code and in CSS', async () => {
    const rule = 'check-file/filename-naming-convention';
    expect(await lintAs('src/features/timeline/TimelineProbe.tsx', 'export {};\n')).toEqual([rule]);
    expect(await lintAs('tests/unit/lint_probe.test.ts', 'export {};\n')).toEqual([rule]);
    expect(await lintAs('src/features/timeline/TimelineProbe.css', '.a {}\n')).toEqual([rule]);
  });

  it('fails a folder name that is not kebab-case', async () => {
    const rule = 'check-file/folder-naming-convention';
    expect(await lintAs('src/features/LintProbe/lint-probe.ts', 'export {};\n')).toEqual([rule]);
    expect(await lintAs('scripts/lint_probe/lint-probe.ts', 'export {};\n')).toEqual([rule]);
  });

  it('accepts kebab-case names with a middle extension', async () => {
    expect(await lintAs('tests/unit/lint-probe.test.ts', 'export {};\n')).toEqual([]);
    expect(await lintAs('bench/lint-probe-2.ts', 'export {};\n')).toEqual([]);
  });
});
