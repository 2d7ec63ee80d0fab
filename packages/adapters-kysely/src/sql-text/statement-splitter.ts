// Splits an SQL script into statements on top-level semicolons, the way sqlite3_complete()
// decides where a statement ends (so `CREATE TRIGGER … BEGIN …; …; END` stays whole).
import { tokenize, type Token, type TokenizeOptions } from "./sqlite-tokenizer.js";

// States and transitions of sqlite3_complete() (complete.c).
const enum State {
  Invalid = 0,
  Start = 1,
  Normal = 2,
  Explain = 3,
  Create = 4,
  Trigger = 5,
  Semi = 6,
  End = 7,
}
const enum Input {
  Semi = 0,
  Other = 1,
  Explain = 2,
  Create = 3,
  Temp = 4,
  Trigger = 5,
  End = 6,
}
// prettier-ignore
const TRANSITIONS: readonly (readonly State[])[] = [
  /*                 Semi  Other Explain Create Temp Trigger End */
  /* 0 Invalid */ [1,    2,    3,      4,     2,   2,      2],
  /* 1 Start   */ [1,    2,    3,      4,     2,   2,      2],
  /* 2 Normal  */ [1,    2,    2,      2,     2,   2,      2],
  /* 3 Explain */ [1,    3,    2,      4,     2,   2,      2],
  /* 4 Create  */ [1,    2,    2,      2,     4,   5,      2],
  /* 5 Trigger */ [6,    5,    5,      5,     5,   5,      5],
  /* 6 Semi    */ [6,    5,    5,      5,     5,   5,      7],
  /* 7 End     */ [1,    5,    5,      5,     5,   5,      5],
];

const KEYWORD_INPUTS: Readonly<Record<string, Input>> = {
  EXPLAIN: Input.Explain,
  CREATE: Input.Create,
  TEMP: Input.Temp,
  TEMPORARY: Input.Temp,
  TRIGGER: Input.Trigger,
  END: Input.End,
};

function inputOf(token: Token): Input {
  if (token.kind === "semicolon") return Input.Semi;
  if (token.kind === "word") return KEYWORD_INPUTS[token.text.toUpperCase()] ?? Input.Other;
  return Input.Other;
}

/**
 * The statements of a script, in order, each without its terminating `;` and without
 * surrounding whitespace or comments. Statements that hold only whitespace or comments are
 * dropped; an unterminated last statement is kept as it is.
 */
export function splitStatements(sql: string, options: TokenizeOptions = {}): string[] {
  const statements: string[] = [];
  let state: State = State.Start;
  let first: Token | undefined;
  let last: Token | undefined;
  for (const token of tokenize(sql, options)) {
    if (token.kind === "space" || token.kind === "comment") continue;
    state = TRANSITIONS[state]?.[inputOf(token)] ?? State.Normal;
    if (state === State.Start) {
      if (first && last) statements.push(sql.slice(first.start, last.end));
      first = last = undefined;
    } else {
      first ??= token;
      last = token;
    }
  }
  if (first && last) statements.push(sql.slice(first.start, last.end));
  return statements;
}
