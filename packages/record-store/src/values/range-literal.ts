// Ranges as SurrealQL literal text (`1..=5`, `'a'..`), the record model's stored form.
import { formatValue, parseValue, Range } from "@baton/codecs";

export function formatRangeLiteral(value: Range): string {
  return formatValue(value);
}

/** The range a literal denotes; undefined when the text is not a range. */
export function parseRangeLiteral(text: string): Range | undefined {
  try {
    const value = parseValue(text);
    return value instanceof Range ? value : undefined;
  } catch {
    return undefined;
  }
}
