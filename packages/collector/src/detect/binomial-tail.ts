/**
 * −log10 P(X ≥ k) for X ~ Binomial(n, p), where p is given through
 * x = −ln(1 − p), i.e. p = 1 − e^(−x): the chance that a Poisson process of
 * rate r puts at least one event into a window of length w, with x = r·w.
 * Working from x keeps both ends exact: ln(1 − p) is −x itself (no 1 − p
 * rounding to 0 when p is tiny), and ln p = ln(−expm1(−x)) stays accurate
 * as p → 0 and is exactly 0 as p → 1 (where the tail is 1 and the result 0).
 *
 * The sum runs in log space (log-sum-exp), so n in the thousands with a tiny
 * p neither underflows to 0 (an infinite score) nor loses the answer.
 */
export function binomialTailScore(n: number, k: number, x: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomialTailScore: n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isInteger(k)) throw new RangeError(`binomialTailScore: k must be a whole number, got ${k}`);
  if (!(x >= 0)) throw new RangeError(`binomialTailScore: x must be ≥ 0, got ${x}`);
  if (k <= 0) return 0; // P(X ≥ 0) = 1
  if (k > n) return Infinity; // impossible event: callers never ask (aligned ≤ pushes)
  if (x === 0) return Infinity; // p = 0: no event can happen by chance
  if (x === Infinity) return 0; // p = 1: every window holds one, so lining up means nothing
  const lnP = Math.log(-Math.expm1(-x));
  const lnQ = -x;
  // ln C(n, k), built up term by term (n is at most a few thousand pushes).
  let lnChoose = 0;
  for (let i = 0; i < k; i++) lnChoose += Math.log(n - i) - Math.log(i + 1);
  const terms: number[] = [];
  for (let j = k; j <= n; j++) {
    terms.push(lnChoose + j * lnP + (n - j) * lnQ);
    lnChoose += Math.log(n - j) - Math.log(j + 1);
  }
  let max = -Infinity;
  for (const t of terms) if (t > max) max = t;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  const lnTail = max + Math.log(sum);
  // A tail can round to a hair above 1 (ln > 0): that is "no evidence", not negative evidence.
  return Math.max(0, -lnTail / Math.LN10);
}
