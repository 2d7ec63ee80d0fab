// Number formatting for the printed tables.

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "n/a";
  const abs = Math.abs(bytes);
  if (abs >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (abs >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${Math.round(bytes)} B`;
}

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  if (n >= 10_000_000) return `${(n / 1e6).toFixed(1)}M`;
  return Math.round(n).toLocaleString("en-US");
}

export const formatPercent = (fraction: number): string => `${Math.round(fraction * 100)}%`;

export const formatMs = (ms: number): string => (Number.isFinite(ms) ? ms.toFixed(2) : "n/a");

/** Left-aligned columns padded to their widest cell, separated by two spaces. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n");
}
