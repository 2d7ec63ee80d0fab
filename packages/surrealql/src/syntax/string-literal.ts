// Quoted text in SurrealQL: strings ('…', "…") and quoted identifiers (`…`, ⟨…⟩) with their
// backslash escapes.

/** The unescaped content and where the closing quote ends; or why the text is not a valid quote. */
export type ScannedQuote =
  | { readonly end: number; readonly value: string }
  | { readonly end: number; readonly invalid: string; readonly at: number };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  "0": "\0",
  "\\": "\\",
  "/": "/",
  "'": "'",
  '"': '"',
  "`": "`",
  "⟩": "⟩",
};

const HEX4 = /^[0-9a-fA-F]{4}$/;
const HEX_BRACED = /^[0-9a-fA-F]{1,6}$/;

/** A `\u` escape starting at `at` (just after the `u`): `\u00e9` or `\u{1F600}`. */
function unicodeEscape(text: string, at: number): { end: number; value: string } | undefined {
  if (text[at] === "{") {
    const close = text.indexOf("}", at);
    const hex = close < 0 ? "" : text.slice(at + 1, close);
    const code = HEX_BRACED.test(hex) ? Number.parseInt(hex, 16) : Number.NaN;
    return code <= 0x10ffff ? { end: close + 1, value: String.fromCodePoint(code) } : undefined;
  }
  const hex = text.slice(at, at + 4);
  // A lone UTF-16 unit: a surrogate pair written as two escapes joins up in the JS string.
  return HEX4.test(hex) ? { end: at + 4, value: String.fromCharCode(Number.parseInt(hex, 16)) } : undefined;
}

/** Scans quoted text whose opening quote is at `start`, up to and including `close`. */
export function scanQuoted(options: { text: string; start: number; close: string }): ScannedQuote {
  const { text, close } = options;
  let value = "";
  let at = options.start + 1;
  for (;;) {
    const c = text[at];
    if (c === undefined) return { end: at, invalid: `Unexpected end of file, expected closing \`${close}\``, at: options.start };
    if (c === close) return { end: at + 1, value };
    if (c !== "\\") {
      value += c;
      at++;
      continue;
    }
    const escaped = text[at + 1];
    if (escaped === "u") {
      const unicode = unicodeEscape(text, at + 2);
      if (unicode === undefined) return { end: at + 2, invalid: "Invalid escape sequence: expected a unicode code point", at };
      value += unicode.value;
      at = unicode.end;
      continue;
    }
    const simple = escaped === undefined ? undefined : SIMPLE_ESCAPES[escaped];
    if (simple === undefined) {
      return { end: at + 2, invalid: `Invalid escape character \`${escaped ?? ""}\``, at };
    }
    value += simple;
    at += 2;
  }
}
