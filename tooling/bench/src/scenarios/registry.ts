// Every scenario and memory probe the harness knows, and choosing some by name.
import { memoryProbes, type MemoryProbe } from "../memory/memory-probes.js";
import type { Scenario } from "../scenario.js";
import { hranaScenarios } from "./hrana-scenarios.js";
import { postgresScenarios } from "./postgres-scenarios.js";
import { rpcScenarios } from "./rpc-scenarios.js";

/** Throughput scenarios in run order. Later protocol families append theirs here. */
export const allScenarios: readonly Scenario[] = [...hranaScenarios, ...rpcScenarios, ...postgresScenarios];

export const allProbes: readonly MemoryProbe[] = memoryProbes;

const ALL_NAMES: readonly string[] = [...allScenarios, ...allProbes].map((item) => item.name);

export interface Selection {
  readonly scenarios: readonly Scenario[];
  readonly probes: readonly MemoryProbe[];
  /** Patterns that matched nothing. */
  readonly unmatched: readonly string[];
}

/** A name matches a pattern equal to it, a prefix of it, or a `*` glob of it. */
function matches(name: string, pattern: string): boolean {
  // An exact name means that one only: `hrana-http-point-c1` is also a prefix of `…-c10`.
  if (ALL_NAMES.includes(pattern)) return name === pattern;
  if (!pattern.includes("*")) return name.startsWith(pattern);
  const source = pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`).test(name);
}

/** Everything when `patterns` is empty; otherwise what any pattern matches, in run order. */
export function select(patterns: readonly string[]): Selection {
  if (patterns.length === 0) return { scenarios: allScenarios, probes: allProbes, unmatched: [] };
  const hit = (name: string) => patterns.some((pattern) => matches(name, pattern));
  return {
    scenarios: allScenarios.filter((s) => hit(s.name)),
    probes: allProbes.filter((p) => hit(p.name)),
    unmatched: patterns.filter((pattern) => !ALL_NAMES.some((name) => matches(name, pattern))),
  };
}
