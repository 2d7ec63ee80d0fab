import { Datetime, Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { Lexer, type Token } from "./lexer.js";

function tokens(text: string): Token[] {
  const lexer = new Lexer(text);
  const out: Token[] = [];
  for (;;) {
    const token = lexer.next();
    out.push(token);
    if (token.kind === "eof" || token.kind === "invalid") return out;
  }
}

/** Each token as `kind:text` of its source, for compact comparisons. */
const shapes = (text: string) => tokens(text).map((t) => `${t.kind}:${text.slice(t.start, t.end)}`);

describe("Lexer", () => {
  it("words, quoted names, parameters and punctuation, with offsets", () => {
    expect(tokens("SELECT `a b`, ⟨c⟩ FROM $x")).toEqual([
      { kind: "word", text: "SELECT", upper: "SELECT", start: 0, end: 6 },
      { kind: "ident", name: "a b", start: 7, end: 12 },
      { kind: "punct", symbol: ",", start: 12, end: 13 },
      { kind: "ident", name: "c", start: 14, end: 17 },
      { kind: "word", text: "FROM", upper: "FROM", start: 18, end: 22 },
      { kind: "param", name: "x", start: 23, end: 25 },
      { kind: "eof", start: 25, end: 25 },
    ]);
  });

  it("longest operators first", () => {
    expect(shapes("a<->b<-c->d<=e>=f==g!=h*=i?=j+=k-=l+?=m&&n||o??p?:q**r!~s?~t*~u::v..w...x…")).toEqual([
      "word:a", "punct:<->", "word:b", "punct:<-", "word:c", "punct:->", "word:d", "punct:<=", "word:e", "punct:>=",
      "word:f", "punct:==", "word:g", "punct:!=", "word:h", "punct:*=", "word:i", "punct:?=", "word:j", "punct:+=",
      "word:k", "punct:-=", "word:l", "punct:+?=", "word:m", "punct:&&", "word:n", "punct:||", "word:o", "punct:??",
      "word:p", "punct:?:", "word:q", "punct:**", "word:r", "punct:!~", "word:s", "punct:?~", "word:t", "punct:*~",
      "word:u", "punct:::", "word:v", "punct:..", "word:w", "punct:...", "word:x", "punct:…", "eof:",
    ]);
    expect(tokens("…")[0]).toMatchObject({ kind: "punct", symbol: "..." });
  });

  it("numbers of every kind, with their digits", () => {
    expect(tokens("1 1.5 1e3 1.5f 2f 1.5dec 3dec 1h30m 5µs 1..5").filter((t) => t.kind === "number")).toEqual([
      { kind: "number", numeric: "int", digits: "1", start: 0, end: 1 },
      { kind: "number", numeric: "float", digits: "1.5", start: 2, end: 5 },
      { kind: "number", numeric: "float", digits: "1e3", start: 6, end: 9 },
      { kind: "number", numeric: "float", digits: "1.5", start: 10, end: 14 },
      { kind: "number", numeric: "float", digits: "2", start: 15, end: 17 },
      { kind: "number", numeric: "decimal", digits: "1.5", start: 18, end: 24 },
      { kind: "number", numeric: "decimal", digits: "3", start: 25, end: 29 },
      { kind: "number", numeric: "duration", digits: "1h30m", start: 30, end: 35 },
      { kind: "number", numeric: "duration", digits: "5µs", start: 36, end: 39 },
      { kind: "number", numeric: "int", digits: "1", start: 40, end: 41 },
      { kind: "number", numeric: "int", digits: "5", start: 43, end: 44 },
    ]);
  });

  it("`1.foo` is a number, a dot and a name", () => {
    expect(shapes("1.foo")).toEqual(["number:1", "punct:.", "word:foo", "eof:"]);
  });

  it("strings and prefixed strings", () => {
    expect(tokens(`'a' "b" s'c' d"2024-01-01T00:00:00Z" u'0190c6b0-7c6f-7000-8000-000000000000'`)).toEqual([
      { kind: "string", value: "a", start: 0, end: 3 },
      { kind: "string", value: "b", start: 4, end: 7 },
      { kind: "prefixed", prefix: "s", value: "c", start: 8, end: 12 },
      { kind: "prefixed", prefix: "d", value: Datetime.parse("2024-01-01T00:00:00Z"), start: 13, end: 36 },
      { kind: "prefixed", prefix: "u", value: Uuid.parse("0190c6b0-7c6f-7000-8000-000000000000"), start: 37, end: 76 },
      { kind: "eof", start: 76, end: 76 },
    ]);
  });

  it("a prefix letter not followed by a quote starts a word", () => {
    expect(shapes("d u r s b dx")).toEqual(["word:d", "word:u", "word:r", "word:s", "word:b", "word:dx", "eof:"]);
  });

  it("skips comments of every kind", () => {
    expect(shapes("a -- x\nb # y\nc // z\nd /* w\n */ e")).toEqual(["word:a", "word:b", "word:c", "word:d", "word:e", "eof:"]);
  });

  it("turns unreadable text into an invalid token instead of throwing", () => {
    expect(tokens("a ^")[1]).toMatchObject({ kind: "invalid", reason: "Unexpected character `^`", at: 2 });
    expect(tokens("'abc")[0]).toMatchObject({ kind: "invalid", at: 0 });
    expect(tokens("12abc")[0]).toMatchObject({ kind: "invalid", reason: "Invalid number" });
    expect(tokens('d"x"')[0]).toMatchObject({ kind: "invalid", reason: expect.stringMatching(/^Invalid datetime/) });
    expect(tokens("😀")[0]).toMatchObject({ kind: "invalid", reason: "Unexpected character `😀`", start: 0, end: 2 });
  });
});
