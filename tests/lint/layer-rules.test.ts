import { describe, expect, it } from 'vitest';
import { lintAs } from './lint-as';

const probe = (...imports: string[]) => `${imports.join('\n')}\nexport const probe = [${imports.map((_, i) => `i${i}`).join(', ')}];\n`;
const importAs = (index: number, from: string) => `import * as i${index} from '${from}';`;

describe('layer rules', () => {
  it('lets a feature import its own files, the store, lib and components', async () => {
    const code = probe(
      importAs(0, './status-bar'),
      importAs(1, '../../store/store-context'),
      importAs(2, '../../lib/format-bytes'),
      importAs(3, '../../components/error-boundary'),
    );
    expect(await lintAs('src/features/status-bar/lint-probe.tsx', code)).toEqual([]);
  });

  it('fails a listed feature that imports another feature', async () => {
    const code = probe(importAs(0, '../timeline/timeline'));
    expect(await lintAs('src/features/status-bar/lint-probe.tsx', code)).toEqual(['import-x/no-restricted-paths']);
  });

  it('fails a feature folder the config has never seen that imports another feature', async () => {
    const code = probe(importAs(0, '../timeline/timeline'));
    expect(await lintAs('src/features/lint-probe/lint-probe.tsx', code)).toEqual(['import-x/no-restricted-paths']);
  });

  it('fails a feature that imports connection/ directly', async () => {
    const code = probe(importAs(0, '../../connection/endpoint-url'));
    expect(await lintAs('src/features/status-bar/lint-probe.tsx', code)).toEqual(['import-x/no-restricted-paths']);
    expect(await lintAs('src/features/lint-probe/lint-probe.tsx', code)).toEqual(['import-x/no-restricted-paths']);
  });
});
