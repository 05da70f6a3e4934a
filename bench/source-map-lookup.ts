/**
 * Maps a position in the minified production bundle back to src/ through Vite's `.js.map`
 * (source map v3), so CPU-profile entries name real files and lines. Only the lookup the profile
 * summary needs: base64 VLQ decoding and a "closest segment at or before" search per line.
 */
import { existsSync, readFileSync } from 'node:fs';

interface RawSourceMap {
  sources: string[];
  names: string[];
  mappings: string;
}

/** [generatedColumn, sourceIndex, sourceLine, sourceColumn, nameIndex?], all 0-based. */
type Segment = number[];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((ch, i) => [ch, i]));

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = DIGIT.get(ch) ?? 0;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

export interface OriginalPosition {
  source: string;
  line: number;
  column: number;
  name?: string;
}

export class SourceMapLookup {
  private readonly lines: Segment[][];

  private constructor(private readonly map: RawSourceMap) {
    const state = [0, 0, 0, 0, 0];
    this.lines = map.mappings.split(';').map((line) => {
      state[0] = 0;
      return line
        .split(',')
        .filter((s) => s !== '')
        .map((segment) => {
          const fields = decodeVlq(segment);
          return fields.map((delta, i) => (state[i] += delta));
        });
    });
  }

  static fromFile(path: string): SourceMapLookup | undefined {
    if (!existsSync(path)) return undefined;
    return new SourceMapLookup(JSON.parse(readFileSync(path, 'utf8')) as RawSourceMap);
  }

  /** `line` and `column` are 0-based, as in V8 CPU profiles. */
  lookup(line: number, column: number): OriginalPosition | undefined {
    const segments = this.lines[line];
    if (!segments) return undefined;
    let best: Segment | undefined;
    for (const segment of segments) {
      if (segment[0] > column) break;
      if (segment.length >= 4) best = segment;
    }
    if (!best) return undefined;
    return {
      source: this.map.sources[best[1]].replace(/^(\.\.\/)+/, ''),
      line: best[2] + 1,
      column: best[3] + 1,
      name: best.length >= 5 ? this.map.names[best[4]] : undefined,
    };
  }
}
