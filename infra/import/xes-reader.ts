import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportError, traceLabel, type LogEvent, type LogTrace, type LogValue, type Where } from './log.ts';
import { openText, type OnBytes } from './source.ts';
import { isDateTime } from './timestamps.ts';

/** Attribute elements of IEEE 1849; list and container hold nested attributes, not a value. */
const SIMPLE_KINDS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);
const NESTING_KINDS = new Set(['list', 'container', 'values']);

type Options = { xmlns: false; position: true };

/**
 * Streams the traces of an XES file (plain or gzipped), one at a time, so memory holds one trace
 * however large the log. Only the top-level attributes of traces and events are kept; nested
 * (meta) attributes and <global> defaults are skipped: the globals of real logs hold placeholders
 * such as "UNKNOWN" and 1970-01-01 that must not pass for facts.
 */
export async function* readXesTraces(path: string, onBytes?: OnBytes): AsyncGenerator<LogTrace> {
  yield* parseXesTraces(await openText(path, onBytes));
}

/** The same from text chunks; a chunk may end anywhere, even inside a tag. */
export async function* parseXesTraces(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<LogTrace> {
  const parser = new SaxesParser<Options>({ xmlns: false, position: true });
  const assembler = new TraceAssembler(parser);
  parser.on('error', (error) => {
    throw new ImportError(`malformed XML: ${error.message.replace(/^\d+:\d+: /, '')}`, assembler.where());
  });
  parser.on('opentag', (tag) => assembler.open(tag));
  parser.on('closetag', (tag) => assembler.close(tag));
  for await (const chunk of chunks) {
    parser.write(chunk);
    yield* assembler.completed.splice(0);
  }
  parser.close();
  if (!assembler.sawLog) throw new ImportError('not an XES log: the file holds no <log> element');
  yield* assembler.completed.splice(0);
}

/** Builds traces from the parser's tags; finished traces wait in `completed` until the reader yields them. */
class TraceAssembler {
  readonly completed: LogTrace[] = [];
  sawLog = false;
  private readonly stack: string[] = [];
  private trace: LogTrace | null = null;
  private event: LogEvent | null = null;
  private traces = 0;

  constructor(private readonly parser: SaxesParser<Options>) {}

  /** The reader does not know the mapping, so it names traces by the standard concept:name. */
  where(): Where {
    const { line, column } = this.parser;
    return this.trace ? { line, column, trace: traceLabel(this.trace, 'concept:name') } : { line, column };
  }

  open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const parent = this.stack.at(-1);
    this.stack.push(name);
    if (parent === undefined) {
      if (name !== 'log') throw new ImportError(`not an XES log: the root element is <${tag.name}>, not <log>`, this.where());
      this.sawLog = true;
    } else if (name === 'trace' && parent === 'log') {
      this.trace = { index: this.traces++, line: this.parser.line, attributes: new Map(), events: [] };
    } else if (name === 'event' && parent === 'trace' && this.trace) {
      this.event = { line: this.parser.line, attributes: new Map() };
    } else if (parent === 'event' && this.event) {
      this.attribute(tag, name, this.event.attributes as Map<string, LogValue>);
    } else if (parent === 'trace' && this.trace) {
      this.attribute(tag, name, this.trace.attributes as Map<string, LogValue>);
    }
  }

  close(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    this.stack.pop();
    if (name === 'event' && this.event && this.trace) {
      this.trace.events.push(this.event);
      this.event = null;
    } else if (name === 'trace' && this.trace && this.stack.at(-1) === 'log') {
      this.completed.push(this.trace);
      this.trace = null;
    }
  }

  private attribute(tag: SaxesTagPlain, kind: string, into: Map<string, LogValue>): void {
    if (!SIMPLE_KINDS.has(kind) && !NESTING_KINDS.has(kind)) return;
    const key = tag.attributes.key;
    if (!key) throw new ImportError(`<${kind}> attribute without a key`, this.where());
    if (NESTING_KINDS.has(kind)) return;
    const raw = tag.attributes.value;
    if (raw === undefined) throw new ImportError(`<${kind} key="${key}"> has no value`, this.where());
    if (kind === 'date' && !isDateTime(raw)) {
      throw new ImportError(`<date key="${key}"> holds "${raw}", which is not an xs:dateTime such as 2011-10-11T13:45:40.276+02:00`, this.where());
    }
    into.set(key, { raw, kind, line: this.parser.line, column: this.parser.column });
  }
}

function localName(qualified: string): string {
  const i = qualified.indexOf(':');
  return i < 0 ? qualified : qualified.slice(i + 1);
}
