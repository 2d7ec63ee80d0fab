// Where an offset of query text lies for people: 1-based line and column (counted in characters,
// not UTF-16 units or bytes), and the source snippet SurrealDB prints under a parse error.

/** A human-readable place in the query text. */
export interface SourceLocation {
  readonly line: number;
  /** In characters (code points) from the start of the line, 1-based. */
  readonly column: number;
}

/** The lines as Rust's `str::lines` gives them (SurrealDB renders with it): no trailing empty line, no `\r`. */
function sourceLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  return lines.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}

const charCount = (text: string): number => [...text].length;

/**
 * The location of `offset` (a UTF-16 index into `text`). An offset at or past the end points, as
 * SurrealDB's does, at the last character of the last line rather than one past it.
 */
export function locate(text: string, offset: number): SourceLocation {
  if (offset >= text.length) {
    const lines = sourceLines(text);
    return { line: Math.max(lines.length, 1), column: Math.max(charCount(lines.at(-1) ?? ""), 1) };
  }
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let i = before.indexOf("\n"); i >= 0; i = before.indexOf("\n", i + 1)) line++;
  return { line, column: charCount(before.slice(lineStart)) + 1 };
}

// A snippet line is shown from its first non-blank character, cut on the left when the error lies
// far to the right and on the right when it is long, as SurrealDB's renderer does.
const MAX_LINE_LENGTH = 80;
const MAX_ERROR_OFFSET = 50;

/**
 * SurrealDB's snippet under an error message:
 * ```
 *  --> [1:15]
 *   |
 * 1 | SELECT * FROMM person
 *   |          ^^^^^
 * ```
 * `length` is how many characters the carets cover (at least one).
 */
export function renderSnippet(options: { text: string; location: SourceLocation; length: number }): string {
  const { text, location } = options;
  let chars = [...(sourceLines(text)[location.line - 1] ?? "")];
  let offset = location.column - 1;
  const firstNonBlank = chars.findIndex((c, i) => i === offset || !/\s/.test(c));
  if (firstNonBlank > 0) {
    chars = chars.slice(firstNonBlank);
    offset -= firstNonBlank;
  }
  while (chars.length > 0 && /\s/.test(chars.at(-1) ?? "")) chars.pop();
  let cutStart = false;
  if (offset > MAX_ERROR_OFFSET) {
    chars = chars.slice(offset - 10);
    offset = 10;
    cutStart = true;
  }
  let cutEnd = false;
  if (chars.length > MAX_LINE_LENGTH) {
    chars = chars.slice(0, MAX_LINE_LENGTH - (cutStart ? 6 : 3));
    cutEnd = true;
  }
  const source = `${cutStart ? "..." : ""}${chars.join("")}${cutEnd ? "..." : ""}`;
  const gutter = " ".repeat(String(location.line).length);
  const caretOffset = offset + (cutStart ? 3 : 0);
  return [
    `${gutter}--> [${location.line}:${location.column}]`,
    `${gutter} |`,
    `${location.line} | ${source}`,
    `${gutter} | ${" ".repeat(caretOffset)}${"^".repeat(Math.max(options.length, 1))}`,
  ].join("\n");
}
