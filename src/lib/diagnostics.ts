/**
 * Messages the pipeline stages report instead of printing or throwing, in the
 * spirit of unified's vfile messages: each names a file and line, a stable
 * code, and a severity. The CLI decides how to print them and what exit code
 * they mean.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path as the user knows it, e.g. `seeds/000_x.txt`. */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  severity: Severity;
  /** Stable code, e.g. `SL101`; documented in README. */
  code: string;
  message: string;
}

/** `file:line: severity CODE message`, the one format every command prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  return `${where}: ${d.severity} ${d.code} ${d.message}`;
}

/** Orders messages by file, then line, so reports are stable across runs. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file, 'en') || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code, 'en'),
  );
}
