import { describe, expect, it } from "vitest";
import { LatencyHistogram } from "../load/latency-histogram.js";
import { median, slope, spreadOf } from "./statistics.js";

describe("statistics", () => {
  it("takes medians of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("reports the spread as the range over the median", () => {
    expect(spreadOf([90, 100, 110])).toEqual({ median: 100, min: 90, max: 110, spread: 0.2 });
  });

  it("fits a slope through readings", () => {
    expect(slope([{ x: 0, y: 10 }, { x: 10, y: 30 }, { x: 20, y: 50 }])).toBeCloseTo(2);
  });
});

describe("latency histogram", () => {
  it("reads percentiles at microsecond resolution, slow samples included", () => {
    const histogram = new LatencyHistogram();
    for (let i = 1; i <= 98; i++) histogram.record(i / 100); // 0.01 … 0.98 ms
    histogram.record(150);
    histogram.record(250);
    const summary = histogram.summary();
    expect(summary.p50).toBeCloseTo(0.501, 6); // the 1 µs bucket's upper edge
    expect(summary.p90).toBeCloseTo(0.901, 6);
    expect(summary.p99).toBe(150);
    expect(summary.max).toBe(250);
    expect(histogram.count).toBe(100);
  });
});
