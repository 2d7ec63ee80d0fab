// JSON text with numbers kept as their digits: JSON.parse would round integers beyond 2^53 and
// forget whether a number was written as an integer literal, which the record model reads as
// the int/float distinction (docs/record-model.md, "Values and type tags").

/** A JSON number as written. */
export class JsonNumber {
  constructor(readonly text: string) {}
  /** Written as an integer literal (no fraction, no exponent). */
  get isInteger(): boolean {
    return /^-?\d+$/.test(this.text);
  }
}

export type JsonTree = null | boolean | string | JsonNumber | JsonTree[] | { [key: string]: JsonTree };

/** Compact JSON text of a tree. */
export function stringifyJson(tree: JsonTree): string {
  if (tree === null) return "null";
  if (typeof tree === "boolean") return tree ? "true" : "false";
  if (typeof tree === "string") return JSON.stringify(tree);
  if (tree instanceof JsonNumber) return tree.text;
  if (Array.isArray(tree)) return `[${tree.map(stringifyJson).join(",")}]`;
  return `{${Object.entries(tree)
    .map(([key, value]) => `${JSON.stringify(key)}:${stringifyJson(value)}`)
    .join(",")}}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses JSON text; a SyntaxError for anything else. */
export function parseJson(text: string): JsonTree {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError(`Malformed JSON at offset ${i}`);
  };
  const space = () => {
    while (i < text.length && " \t\r\n".includes(text.charAt(i))) i++;
  };
  const stringAt = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): JsonTree => {
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      const object: { [key: string]: JsonTree } = {};
      space();
      if (text[i] === "}") {
        i++;
        return object;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        const key = stringAt();
        space();
        if (text[i] !== ":") fail();
        i++;
        object[key] = value();
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return object;
        } else fail();
      }
    }
    if (c === "[") {
      i++;
      const array: JsonTree[] = [];
      space();
      if (text[i] === "]") {
        i++;
        return array;
      }
      for (;;) {
        array.push(value());
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return array;
        } else fail();
      }
    }
    if (c === '"') return stringAt();
    for (const [word, result] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return result;
      }
    }
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (match === null) return fail();
    i += match[0].length;
    return new JsonNumber(match[0]);
  };
  const tree = value();
  space();
  if (i !== text.length) fail();
  return tree;
}

/** The same JSON value (numbers by numeric value, object key order ignored). */
export function sameJson(a: JsonTree, b: JsonTree): boolean {
  if (a instanceof JsonNumber || b instanceof JsonNumber) {
    return a instanceof JsonNumber && b instanceof JsonNumber && sameNumber(a.text, b.text);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, k) => sameJson(item, b[k] ?? null));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key] ?? null, b[key] ?? null));
  }
  return a === b;
}

function sameNumber(a: string, b: string): boolean {
  if (/^-?\d+$/.test(a) && /^-?\d+$/.test(b)) return BigInt(a) === BigInt(b);
  return Number(a) === Number(b);
}
