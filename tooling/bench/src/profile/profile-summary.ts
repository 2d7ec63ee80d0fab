// Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) into the few lists worth reading
// first: where CPU time was spent by function (self and inclusive) and by area (Baton package,
// npm package, Node core, GC). For flame graphs, open the file itself in Chrome DevTools or speedscope.

import type { ProfileSpan } from "./profile-window.js";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

export interface CpuProfile extends ProfileSpan {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileEntry {
  readonly name: string;
  readonly ms: number;
  /** Share of the busy (non-idle) time. */
  readonly share: number;
}

export interface ProfileSummary {
  readonly busyMs: number;
  readonly idleMs: number;
  readonly self: readonly ProfileEntry[];
  readonly inclusive: readonly ProfileEntry[];
  readonly areas: readonly ProfileEntry[];
}

/** A URL made short and stable: repository-relative, or the npm package's path. */
function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, "");
  const modules = path.lastIndexOf("/node_modules/");
  if (modules >= 0) return path.slice(modules + "/node_modules/".length).replace(/^\.pnpm\/[^/]+\/node_modules\//, "");
  const repo = /\/(packages|apps|tooling)\/.*$/.exec(path);
  return repo === null ? path : repo[0].slice(1);
}

function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return `node: ${url.slice(5).replace(/^internal\//, "").split("/")[0] ?? ""}`;
  const short = shortUrl(url);
  const pkg = /^(packages|apps)\/([^/]+)\//.exec(short);
  if (pkg !== null) return `Baton: ${pkg[2] ?? ""}`;
  if (short !== url.replace(/^file:\/\//, "")) {
    const parts = short.split("/");
    return `npm: ${parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1] ?? ""}` : (parts[0] ?? "")}`;
  }
  return "other";
}

const keyOf = (frame: CallFrame) =>
  frame.url === "" ? frame.functionName : `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;

function top(options: { totals: Map<string, number>; busyMs: number; limit: number }): ProfileEntry[] {
  return [...options.totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.limit)
    .map(([name, ms]) => ({ name, ms, share: ms / options.busyMs }));
}

/** Which samples to count: those between `fromMs` and `toMs` after the profile started (see profile-window.ts). */
export interface ProfileWindow {
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly limit?: number;
}

export function summariseProfile(profile: CpuProfile, window: ProfileWindow = {}): ProfileSummary {
  const limit = window.limit ?? 25;
  const fromMs = window.fromMs ?? 0;
  const toMs = window.toMs ?? Number.POSITIVE_INFINITY;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  let busyMs = 0;
  let idleMs = 0;
  let clockMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    clockMs += ms;
    const node = byId.get(id);
    // A sample stands for the interval that ends at its timestamp, so one stamped at `fromMs` is before the window.
    if (node === undefined || clockMs <= fromMs || clockMs > toMs) return;
    if (node.callFrame.functionName === "(idle)") {
      idleMs += ms;
      return;
    }
    busyMs += ms;
    add(self, keyOf(node.callFrame), ms);
    add(areas, areaOf(node.callFrame), ms);
    // Count each function once per stack, so recursion does not inflate its inclusive time.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame === undefined || frame.functionName === "(root)") continue;
      const key = keyOf(frame);
      if (!seen.has(key)) {
        seen.add(key);
        add(inclusive, key, ms);
      }
    }
  });
  return {
    busyMs,
    idleMs,
    self: top({ totals: self, busyMs, limit }),
    inclusive: top({ totals: inclusive, busyMs, limit }),
    areas: top({ totals: areas, busyMs, limit: 30 }),
  };
}

export function renderProfile(summary: ProfileSummary): string {
  const lines = (title: string, entries: readonly ProfileEntry[]) => [
    title,
    ...entries.map((e) => `  ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.ms.toFixed(0).padStart(6)} ms  ${e.name}`),
  ];
  return [
    `busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms`,
    ...lines("by area (self time):", summary.areas),
    ...lines("by function, self time:", summary.self),
    ...lines("by function, inclusive time:", summary.inclusive),
  ].join("\n");
}
