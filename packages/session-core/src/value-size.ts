// A cheap upper-bound-ish estimate of how many bytes a decoded wire value holds, for limits on
// what clients may park in server memory (session variables). Iterative (no recursion, so deep
// values cannot overflow the stack) and stops counting once past `limit`.

/** Bytes counted for a scalar (number, boolean, null, bigint, a Date …) or a container's own header. */
const SCALAR_BYTES = 9;

/** Roughly how many bytes `value` takes; counting stops (returning more than `limit`) once past it. */
export function estimateSize(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && total <= limit) {
    const item = pending.pop();
    if (typeof item === "string") {
      total += SCALAR_BYTES + item.length * 2;
    } else if (typeof item !== "object" || item === null || item instanceof Date) {
      total += SCALAR_BYTES;
    } else if (ArrayBuffer.isView(item)) {
      total += SCALAR_BYTES + item.byteLength;
    } else if (item instanceof ArrayBuffer) {
      total += SCALAR_BYTES + item.byteLength;
    } else if (Array.isArray(item)) {
      total += SCALAR_BYTES;
      for (const element of item as unknown[]) pending.push(element);
    } else if (item instanceof Map) {
      total += SCALAR_BYTES;
      for (const [key, entry] of item as Map<unknown, unknown>) pending.push(key, entry);
    } else if (item instanceof Set) {
      total += SCALAR_BYTES;
      for (const element of item as Set<unknown>) pending.push(element);
    } else {
      // Plain objects and value classes (record ids, UUIDs, decimals …): their own fields.
      total += SCALAR_BYTES;
      for (const [key, entry] of Object.entries(item)) {
        total += key.length * 2;
        pending.push(entry);
      }
    }
  }
  return total;
}
