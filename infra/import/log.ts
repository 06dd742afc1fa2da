/**
 * The shape both readers produce: a process-mining log as traces of events, each attribute kept as
 * the raw text of the file with where it was found, so every later error can name its line.
 */

export interface LogValue {
  /** The text as written in the file. */
  raw: string;
  /** XES attribute kind (string, date, int, float, boolean, id); CSV cells are 'string'. */
  kind: string;
  line: number;
  column: number;
}

export type LogAttributes = ReadonlyMap<string, LogValue>;

export interface LogEvent {
  attributes: LogAttributes;
  line: number;
}

export interface LogTrace {
  /** 0-based position of the trace in the file. */
  index: number;
  /** Line where the trace (XES) or its first row (CSV) starts. */
  line: number;
  attributes: LogAttributes;
  events: LogEvent[];
}

export interface Where {
  line?: number;
  column?: number;
  /** The trace's case id as the log writes it, or its position when the id is unknown. */
  trace?: string;
}

/** A log or mapping that cannot be imported. The message names the file position and the trace. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly reason: string,
    readonly where: Where = {},
  ) {
    super(describe(reason, where));
  }
}

function describe(reason: string, where: Where): string {
  const at = where.line === undefined ? '' : `line ${where.line}${where.column === undefined ? '' : `, column ${where.column}`}`;
  const parts = [at, where.trace ? `trace ${where.trace}` : ''].filter(Boolean);
  return parts.length > 0 ? `${parts.join(', ')}: ${reason}` : reason;
}

/** How errors name a trace: its case id when read already, else its position; and where it starts. */
export function traceLabel(trace: Pick<LogTrace, 'index' | 'line' | 'attributes'>, caseIdKey: string): string {
  const id = trace.attributes.get(caseIdKey)?.raw;
  return `${id ?? `#${trace.index + 1}`} (from line ${trace.line})`;
}
