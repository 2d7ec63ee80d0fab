// How deeply a CBOR item nests, found by walking its heads without decoding it: cbor-x and the
// tree conversion after it both recurse, so an item nested thousands deep must be refused before
// either runs (as the JSON codec refuses one past SURREAL_JSON_MAX_DEPTH). Arrays, maps and tags
// each count one level; strings are skipped by their length. Malformed bytes are not judged here:
// the walk stops and leaves them to the decoder to report.

interface Open {
  /** Items still to come; -1 for an indefinite-length container, which ends at a break (0xff). */
  remaining: number;
  /** True for arrays, maps and tags, which count as a level; false for indefinite strings' chunks. */
  readonly counts: boolean;
}

/** True when the first CBOR item in `bytes` nests more than `limit` arrays, maps and tags deep. */
export function cborNestsDeeper(bytes: Uint8Array, limit: number): boolean {
  const stack: Open[] = [];
  let depth = 0;
  let pos = 0;
  /** Reads the head's argument; -1 for indefinite length, undefined when the bytes run out or are reserved. */
  const argument = (info: number): number | undefined => {
    if (info < 24) return info;
    if (info === 31) return -1;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0 || pos + size > bytes.length) return undefined;
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + (bytes[pos + i] as number);
    pos += size;
    return value;
  };
  /** One item has ended: counts it against its container, closing containers it completes. True at the top-level item's end. */
  const itemDone = (): boolean => {
    for (;;) {
      const top = stack.at(-1);
      if (top === undefined) return true;
      if (top.remaining === -1) return false;
      top.remaining -= 1;
      if (top.remaining > 0) return false;
      stack.pop();
      if (top.counts) depth -= 1;
    }
  };
  const open = (entry: Open): boolean => {
    if (entry.counts) depth += 1;
    if (depth > limit) return true;
    if (entry.remaining === 0) {
      if (entry.counts) depth -= 1;
      return false;
    }
    stack.push(entry);
    return false;
  };
  while (pos < bytes.length) {
    const head = bytes[pos++] as number;
    if (head === 0xff) {
      const top = stack.pop();
      if (top === undefined || top.remaining !== -1) return false;
      if (top.counts) depth -= 1;
      if (itemDone()) return false;
      continue;
    }
    const major = head >> 5;
    const value = argument(head & 31);
    if (value === undefined) return false;
    if (major === 2 || major === 3) {
      if (value === -1) {
        if (open({ remaining: -1, counts: false })) return true;
        continue;
      }
      pos += value;
      if (pos > bytes.length) return false;
    } else if (major === 4 || major === 5) {
      const items = value === -1 ? -1 : major === 5 ? value * 2 : value;
      if (open({ remaining: items, counts: true })) return true;
      if (items !== 0) continue;
    } else if (major === 6) {
      if (open({ remaining: 1, counts: true })) return true;
      continue;
    }
    // A scalar, a skipped string, or an empty container: one item done.
    if (itemDone()) return false;
  }
  return false;
}
