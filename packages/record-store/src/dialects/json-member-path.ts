// The JSON path of one member of a JSON object (`$."/name"`), as SQLite's and MySQL's JSON
// functions take it; undefined for keys a quoted path member cannot spell without escapes.
export function jsonMemberPath(key: string): string | undefined {
  return /["\\]/.test(key) ? undefined : `$."${key}"`;
}
