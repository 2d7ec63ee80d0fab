// Places the harness's measurement window on a `.cpuprofile`'s own clock, clamped to what the
// profile recorded, so a summary never silently covers nothing.

/** The part of V8's Profile object that dates it: microseconds on the monotonic clock. */
export interface ProfileSpan {
  readonly startTime: number;
  readonly endTime: number;
}

/** The measurement window in microseconds on the same clock (`process.hrtime.bigint() / 1000n`). */
export interface AbsoluteWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/** Where the window falls in the profile, in ms after its start, with a note when the two do not fully agree. */
export type WindowInProfile =
  | { readonly kind: "inside"; readonly fromMs: number; readonly toMs: number }
  | { readonly kind: "clamped"; readonly fromMs: number; readonly toMs: number; readonly note: string }
  | { readonly kind: "outside"; readonly note: string };

const ms = (value: number) => `${value.toFixed(0)} ms`;

export function windowInProfile(profile: ProfileSpan, window: AbsoluteWindow): WindowInProfile {
  const spanMs = (profile.endTime - profile.startTime) / 1000;
  const fromMs = (window.fromUs - profile.startTime) / 1000;
  const toMs = (window.toUs - profile.startTime) / 1000;
  const clampedFrom = Math.max(0, fromMs);
  const clampedTo = Math.min(spanMs, toMs);
  if (clampedTo <= clampedFrom) {
    const where = toMs <= 0 ? `ends ${ms(-toMs)} before the profile starts` : `starts ${ms(fromMs - spanMs)} after the profile ends`;
    return {
      kind: "outside",
      note: `the measurement window (${ms(toMs - fromMs)}) ${where} (profile ${ms(spanMs)} long): no sample falls inside it`,
    };
  }
  if (clampedFrom === fromMs && clampedTo === toMs) return { kind: "inside", fromMs, toMs };
  const missing = [
    ...(fromMs < 0 ? [`its first ${ms(-fromMs)} before the profile started`] : []),
    ...(toMs > spanMs ? [`its last ${ms(toMs - spanMs)} after the profile ended`] : []),
  ];
  return {
    kind: "clamped",
    fromMs: clampedFrom,
    toMs: clampedTo,
    note: `the profile covers ${ms(clampedTo - clampedFrom)} of the ${ms(toMs - fromMs)} measurement window, not ${missing.join(" nor ")}`,
  };
}
