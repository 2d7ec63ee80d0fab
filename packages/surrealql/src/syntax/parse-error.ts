// The one error the SurrealQL parser throws: where the text is wrong and why, worded and laid out
// as SurrealDB words its own parse errors (surreal-rpc.md section 4.3).
import { locate, renderSnippet } from "./source-location.js";

/** A SurrealQL text that does not parse. `message` is SurrealDB's: reason, location line, snippet. */
export class SurrealqlParseError extends Error {
  /** The UTF-16 offset of the offending token (the text's length for an unexpected end). */
  readonly offset: number;
  /** 1-based line of the offending token. */
  readonly line: number;
  /** 1-based column of the offending token, in characters. */
  readonly column: number;
  /** The reason alone, without the `Parse error:` prefix and the snippet. */
  readonly reason: string;

  constructor(options: { text: string; offset: number; reason: string; length?: number }) {
    const location = locate(options.text, options.offset);
    const snippet = renderSnippet({ text: options.text, location, length: options.length ?? 1 });
    super(`Parse error: ${options.reason}\n${snippet}`);
    this.name = "SurrealqlParseError";
    this.offset = options.offset;
    this.line = location.line;
    this.column = location.column;
    this.reason = options.reason;
  }
}
