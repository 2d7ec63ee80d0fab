// strftime as SurrealDB's `time::format` speaks it (chrono's specifiers, in UTC), and the reverse
// for `string::is_datetime(text, format)`. Padding modifiers `%-d`, `%_d`, `%0e` are supported.
import type { Datetime } from "@baton/codecs";
import { calendarParts, datetimeFromFields, isoWeek, type CalendarParts } from "./datetime-calendar.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Specifiers that stand for a sequence of others. */
const COMPOSITES: Readonly<Record<string, string>> = {
  D: "%m/%d/%y",
  x: "%m/%d/%y",
  F: "%Y-%m-%d",
  v: "%e-%b-%Y",
  R: "%H:%M",
  T: "%H:%M:%S",
  X: "%H:%M:%S",
  r: "%I:%M:%S %p",
  c: "%a %b %e %H:%M:%S %Y",
};

type Padding = "0" | " " | "";

/** One piece of a format: literal text, or a specifier with its padding modifier. */
type Token = { readonly text: string } | { readonly spec: string; readonly pad?: Padding | undefined };

const SPEC = /%([-_0]?)(\.?[369]?f|:{0,3}z|#z|[A-Za-z+%])/y;

/** Splits a format into tokens; undefined when a `%` starts no specifier chrono knows. */
function tokenize(pattern: string): Token[] | undefined {
  const tokens: Token[] = [];
  let index = 0;
  while (index < pattern.length) {
    const percent = pattern.indexOf("%", index);
    if (percent === -1) {
      tokens.push({ text: pattern.slice(index) });
      break;
    }
    if (percent > index) tokens.push({ text: pattern.slice(index, percent) });
    SPEC.lastIndex = percent;
    const match = SPEC.exec(pattern);
    if (match === null) return undefined;
    const [whole, modifier = "", spec = ""] = match;
    const composite = COMPOSITES[spec];
    if (composite !== undefined) tokens.push(...(tokenize(composite) ?? []));
    else if (spec === "%" || spec === "t" || spec === "n") tokens.push({ text: spec === "%" ? "%" : spec === "t" ? "\t" : "\n" });
    else if (!KNOWN.has(spec)) return undefined;
    else tokens.push({ spec, pad: modifier === "" ? undefined : modifier === "-" ? "" : modifier === "_" ? " " : "0" });
    index = percent + whole.length;
  }
  return tokens;
}

const KNOWN = new Set([
  "Y", "C", "y", "m", "b", "h", "B", "d", "e", "a", "A", "w", "u", "U", "W", "G", "g", "V", "j",
  "H", "k", "I", "l", "P", "p", "M", "S", "f", ".f", ".3f", ".6f", ".9f", "3f", "6f", "9f",
  "Z", "z", ":z", "::z", ":::z", "#z", "+", "s",
]);

function padded(value: number, options: { width: number; pad: Padding }): string {
  const digits = String(Math.abs(value));
  const body = options.pad === "" ? digits : digits.padStart(options.width, options.pad);
  return value < 0 ? `-${body}` : body;
}

/** chrono's `%Y`: four digits at least, a sign outside 0000–9999. */
function yearText(year: number): string {
  const digits = String(Math.abs(year)).padStart(4, "0");
  return year < 0 ? `-${digits}` : year > 9999 ? `+${digits}` : digits;
}

/** The fraction `%.f` prints: nothing for a whole second, else 3, 6 or 9 digits. */
function autoFraction(nanosecond: number): string {
  if (nanosecond === 0) return "";
  const digits = nanosecond % 1_000_000 === 0 ? 3 : nanosecond % 1_000 === 0 ? 6 : 9;
  return `.${String(nanosecond).padStart(9, "0").slice(0, digits)}`;
}

/** The week of the year counting from the first `firstDay` (0 = Sunday, 1 = Monday), as `%U`/`%W`. */
function weekOfYear(parts: CalendarParts, firstDay: 0 | 1): number {
  const weekday = parts.weekday % 7; // Sunday = 0
  return Math.floor((parts.ordinal - 1 + 7 - ((weekday - firstDay + 7) % 7)) / 7);
}

function renderSpec(options: { spec: string; pad: Padding | undefined; parts: CalendarParts; value: Datetime }): string {
  const { spec, parts, value } = options;
  const number = (n: number, width: number, defaultPad: Padding = "0") => padded(n, { width, pad: options.pad ?? defaultPad });
  const hour12 = parts.hour % 12 === 0 ? 12 : parts.hour % 12;
  const fraction = String(parts.nanosecond).padStart(9, "0");
  switch (spec) {
    case "Y": return options.pad === undefined ? yearText(parts.year) : number(parts.year, 4);
    case "C": return number(Math.floor(parts.year / 100), 2);
    case "y": return number(((parts.year % 100) + 100) % 100, 2);
    case "m": return number(parts.month, 2);
    case "b": case "h": return (MONTHS[parts.month - 1] ?? "").slice(0, 3);
    case "B": return MONTHS[parts.month - 1] ?? "";
    case "d": return number(parts.day, 2);
    case "e": return number(parts.day, 2, " ");
    case "a": return (WEEKDAYS[parts.weekday - 1] ?? "").slice(0, 3);
    case "A": return WEEKDAYS[parts.weekday - 1] ?? "";
    case "w": return String(parts.weekday % 7);
    case "u": return String(parts.weekday);
    case "U": return number(weekOfYear(parts, 0), 2);
    case "W": return number(weekOfYear(parts, 1), 2);
    case "G": return number(isoWeek(parts).year, 4);
    case "g": return number(((isoWeek(parts).year % 100) + 100) % 100, 2);
    case "V": return number(isoWeek(parts).week, 2);
    case "j": return number(parts.ordinal, 3);
    case "H": return number(parts.hour, 2);
    case "k": return number(parts.hour, 2, " ");
    case "I": return number(hour12, 2);
    case "l": return number(hour12, 2, " ");
    case "P": return parts.hour < 12 ? "am" : "pm";
    case "p": return parts.hour < 12 ? "AM" : "PM";
    case "M": return number(parts.minute, 2);
    case "S": return number(parts.second, 2);
    case "f": return fraction;
    case ".f": return autoFraction(parts.nanosecond);
    case ".3f": case ".6f": case ".9f": return `.${fraction.slice(0, Number(spec[1]))}`;
    case "3f": case "6f": case "9f": return fraction.slice(0, Number(spec[0]));
    case "Z": return "UTC";
    case "z": return "+0000";
    case ":z": return "+00:00";
    case "::z": return "+00:00:00";
    case ":::z": return "+00";
    case "+": return `${yearText(parts.year)}-${number(parts.month, 2)}-${number(parts.day, 2)}T${number(parts.hour, 2)}:${number(parts.minute, 2)}:${number(parts.second, 2)}${autoFraction(parts.nanosecond)}+00:00`;
    case "s": return value.seconds.toString();
    default: return "";
  }
}

/** The datetime written in `pattern`; undefined when the pattern is not one chrono accepts. */
export function formatDatetimeWith(value: Datetime, pattern: string): string | undefined {
  const tokens = tokenize(pattern);
  // `%#z` only parses; chrono fails to format it.
  if (tokens === undefined || tokens.some((token) => "spec" in token && token.spec === "#z")) return undefined;
  const parts = calendarParts(value);
  return tokens.map((token) => ("text" in token ? token.text : renderSpec({ spec: token.spec, pad: token.pad, parts, value }))).join("");
}

type Fields = { year?: number; month?: number; day?: number; ordinal?: number; hour?: number; hour12?: number; pm?: boolean; minute?: number; second?: number; nanosecond?: number; offset?: number };

type NumericField = Exclude<keyof Fields, "pm">;

const NUMERIC: Readonly<Record<string, { field: NumericField; width: number; signed?: boolean }>> = {
  Y: { field: "year", width: 6, signed: true },
  m: { field: "month", width: 2 },
  d: { field: "day", width: 2 },
  e: { field: "day", width: 2 },
  j: { field: "ordinal", width: 3 },
  H: { field: "hour", width: 2 },
  k: { field: "hour", width: 2 },
  I: { field: "hour12", width: 2 },
  l: { field: "hour12", width: 2 },
  M: { field: "minute", width: 2 },
  S: { field: "second", width: 2 },
};

/** Reads one specifier at `index`; returns the index after it, or undefined if the text does not match. */
function readSpec(options: { spec: string; source: string; index: number; fields: Fields }): number | undefined {
  const { spec, source, fields } = options;
  let { index } = options;
  while ((spec === "e" || spec === "k" || spec === "l") && source[index] === " ") index++;
  const numeric = NUMERIC[spec];
  if (numeric !== undefined) {
    const match = new RegExp(`${numeric.signed ? "[+-]?" : ""}\\d{1,${numeric.width}}`, "y");
    match.lastIndex = index;
    const found = match.exec(source);
    if (found === null) return undefined;
    fields[numeric.field] = Number(found[0]);
    return index + found[0].length;
  }
  const rest = source.slice(index);
  const word = (names: readonly string[], length?: number) => {
    const found = names.findIndex((name) => rest.toLowerCase().startsWith((length ? name.slice(0, length) : name).toLowerCase()));
    return found === -1 ? undefined : { found, length: length ?? (names[found] ?? "").length };
  };
  switch (spec) {
    case "y": {
      const found = /^\d{1,2}/.exec(rest);
      if (found === null) return undefined;
      const short = Number(found[0]);
      fields.year = short < 70 ? 2000 + short : 1900 + short;
      return index + found[0].length;
    }
    case "b": case "h": case "B": {
      const month = word(MONTHS, spec === "B" ? undefined : 3) ?? word(MONTHS, 3);
      if (month === undefined) return undefined;
      fields.month = month.found + 1;
      return index + month.length;
    }
    case "a": case "A": {
      const day = word(WEEKDAYS, spec === "A" ? undefined : 3) ?? word(WEEKDAYS, 3);
      return day === undefined ? undefined : index + day.length;
    }
    case "p": case "P": {
      const half = /^(am|pm)/i.exec(rest);
      if (half === null) return undefined;
      fields.pm = half[0].toLowerCase() === "pm";
      return index + 2;
    }
    case "f": case ".f": case ".3f": case ".6f": case ".9f": case "3f": case "6f": case "9f": {
      const found = (spec.startsWith(".") ? /^(?:\.(\d{1,9}))?/ : /^(\d{1,9})/).exec(rest);
      if (found === null) return undefined;
      fields.nanosecond = Number((found[1] ?? "").padEnd(9, "0"));
      return index + found[0].length;
    }
    case "z": case ":z": case "::z": case ":::z": case "#z": {
      const found = /^([+-])(\d{2}):?(\d{2})?/.exec(rest);
      if (found === null) return undefined;
      fields.offset = (found[1] === "-" ? -1 : 1) * (Number(found[2]) * 3600 + Number(found[3] ?? "0") * 60);
      return index + found[0].length;
    }
    case "Z": {
      const found = /^[A-Za-z]+/.exec(rest);
      return found === null ? undefined : index + found[0].length;
    }
    default:
      return undefined;
  }
}

/**
 * Whether `source` reads as a full date and time in `pattern` (chrono's NaiveDateTime parsing:
 * a date, an hour and a minute are required, seconds default to 0).
 */
export function parsesWithFormat(source: string, pattern: string): boolean {
  const tokens = tokenize(pattern);
  if (tokens === undefined) return false;
  const fields: Fields = {};
  let index = 0;
  for (const token of tokens) {
    if ("text" in token) {
      // Whitespace in the format matches any run of whitespace, as in chrono.
      if (/^\s+$/.test(token.text)) {
        while (/\s/.test(source[index] ?? "")) index++;
        continue;
      }
      if (!source.startsWith(token.text, index)) return false;
      index += token.text.length;
      continue;
    }
    const next = readSpec({ spec: token.spec, source, index, fields });
    if (next === undefined) return false;
    index = next;
  }
  if (index !== source.length) return false;
  const hour = fields.hour ?? (fields.hour12 === undefined ? undefined : (fields.hour12 % 12) + (fields.pm ? 12 : 0));
  if (fields.year === undefined || hour === undefined || fields.minute === undefined) return false;
  if (fields.ordinal !== undefined && (fields.month === undefined || fields.day === undefined)) {
    const start = datetimeFromFields({ year: fields.year, month: 1, day: 1 });
    const date = start === undefined ? undefined : new Date(Number(start.seconds) * 1000 + (fields.ordinal - 1) * 86_400_000);
    if (date === undefined || date.getUTCFullYear() !== fields.year) return false;
    fields.month = date.getUTCMonth() + 1;
    fields.day = date.getUTCDate();
  }
  if (fields.month === undefined || fields.day === undefined) return false;
  const { year, month, day, minute, second = 0, nanosecond = 0 } = fields;
  return datetimeFromFields({ year, month, day, hour, minute, second, nanosecond }) !== undefined;
}
