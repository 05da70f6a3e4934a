/** One judged target (PASS / MISS / N/A) and the helpers every target module words its line with. */
export type Verdict = 'PASS' | 'MISS' | 'N/A';

export interface TargetLine {
  id: string;
  verdict: Verdict;
  text: string;
}

export const fmt = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'MISS');
