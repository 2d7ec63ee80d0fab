// The parameters of one SQLite statement, numbered exactly as SQLite numbers them
// (sqlite3ExprAssignVarNumber in expr.c), from the text alone.
import { tokenize, type Token, type TokenizeOptions } from "./sqlite-tokenizer.js";

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER; `?NNN` beyond it fails to prepare. */
export const MAX_PARAMETER_NUMBER = 32766;

/** A statement's parameter table: entry i describes parameter i + 1. */
export interface ParameterTable {
  /** The name SQLite reports (with its prefix: `:a`, `@a`, `$a`, `#a`, `?3`), or null. */
  readonly names: readonly (string | null)[];
  /** Whether the parameter appears in the text; a plain `?` is referenced but has no name. */
  readonly referenced: readonly boolean[];
}

/**
 * Numbers the parameters of `sql`: `?` takes the highest index so far + 1; `?NNN` takes NNN
 * (and is named "?NNN" unless that index already has a name); a named parameter takes the
 * highest index + 1 at its first appearance and reuses it afterwards. Parameters SQLite would
 * refuse (`?0`, `?99999`) are skipped: preparing such a statement fails anyway.
 */
export function parameterTable(sql: string, options: TokenizeOptions = {}): ParameterTable {
  return numberParameters(tokenize(sql, options));
}

/** A parameter table with the index each parameter token took, for rewriting the text. */
export interface NumberedParameters extends ParameterTable {
  /** Parameter index by the start offset of its token; refused parameters (`?0`) are absent. */
  readonly indexAt: ReadonlyMap<number, number>;
}

/**
 * Numbers the `parameter` tokens of any dialect's token list by SQLite's rules (see
 * parameterTable). With `dollarNumbers`, `$NNN` is numbered like `?NNN`, as Postgres means it.
 */
export function numberParameters(
  tokens: readonly Token[],
  options: { readonly dollarNumbers?: boolean } = {},
): NumberedParameters {
  const numbered = options.dollarNumbers === true ? /^[?$]\d/ : /^\?\d/;
  let count = 0;
  const nameOf = new Map<number, string>();
  const indexOf = new Map<string, number>();
  const referenced = new Set<number>();
  const indexAt = new Map<number, number>();
  for (const token of tokens) {
    if (token.kind !== "parameter") continue;
    const text = token.text;
    let index: number;
    if (text === "?") {
      index = ++count;
    } else if (numbered.test(text)) {
      // Long digit runs are out of range whatever they say; avoid parsing them at all.
      index = text.length > 6 ? 0 : Number(text.slice(1));
      if (index < 1 || index > MAX_PARAMETER_NUMBER) continue;
      count = Math.max(count, index);
      if (!nameOf.has(index)) nameOf.set(index, text);
    } else {
      const known = indexOf.get(text);
      index = known ?? ++count;
      if (known === undefined) {
        indexOf.set(text, index);
        nameOf.set(index, text);
      }
    }
    referenced.add(index);
    indexAt.set(token.start, index);
  }
  const names: (string | null)[] = [];
  const used: boolean[] = [];
  for (let index = 1; index <= count; index++) {
    names.push(nameOf.get(index) ?? null);
    used.push(referenced.has(index));
  }
  return { names, referenced: used, indexAt };
}

/** `result[i]` is the name of parameter i + 1 with its prefix, or null for `?` and unreferenced indexes. */
export function analyzeParameters(sql: string, options: TokenizeOptions = {}): (string | null)[] {
  return [...parameterTable(sql, options).names];
}
