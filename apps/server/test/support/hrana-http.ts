// A raw Hrana-over-HTTP caller for tests of what @libsql/client does not exercise.
/** Parsed wire JSON: tests read into it freely and assert on what they find. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire JSON under test
export type Wire = any;

export interface RawResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Wire;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, contentType: res.headers.get("content-type"), body: parsed };
}

export const stmt = (sql: string, args: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  sql,
  args,
  named_args: [],
  want_rows: true,
  ...extra,
});
