// Latencies at microsecond resolution without allocating per sample: a fixed array of 1 µs
// buckets up to 100 ms, and the rare slower sample kept as it is.
import type { LatencySummary } from "../scenario.js";

const LIMIT_US = 100_000;

export class LatencyHistogram {
  readonly #buckets = new Uint32Array(LIMIT_US);
  readonly #slow: number[] = [];
  #count = 0;
  #sumMs = 0;
  #maxMs = 0;

  /** Records one latency in milliseconds. */
  record(ms: number): void {
    this.#count++;
    this.#sumMs += ms;
    if (ms > this.#maxMs) this.#maxMs = ms;
    const us = Math.floor(ms * 1000);
    if (us >= LIMIT_US) this.#slow.push(ms);
    else {
      const bucket = us < 0 ? 0 : us;
      this.#buckets[bucket] = (this.#buckets[bucket] as number) + 1;
    }
  }

  get count(): number {
    return this.#count;
  }

  /** The latency (ms) at or below which `fraction` of the samples lie. */
  percentile(fraction: number): number {
    if (this.#count === 0) return 0;
    const rank = Math.max(1, Math.ceil(fraction * this.#count));
    let seen = 0;
    for (let us = 0; us < LIMIT_US; us++) {
      seen += this.#buckets[us] as number;
      // The bucket's upper edge, so a percentile never reads below the samples it covers.
      if (seen >= rank) return (us + 1) / 1000;
    }
    const slow = [...this.#slow].sort((a, b) => a - b);
    return slow[Math.min(slow.length - 1, rank - seen - 1)] ?? this.#maxMs;
  }

  summary(): LatencySummary {
    return {
      p50: this.percentile(0.5),
      p90: this.percentile(0.9),
      p99: this.percentile(0.99),
      max: this.#maxMs,
      mean: this.#count === 0 ? 0 : this.#sumMs / this.#count,
    };
  }
}
