import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportError, traceLabel, type LogEvent, type LogTrace, type LogValue } from './log.ts';
import { openText, type OnBytes } from './source.ts';
import { isDateTime } from './timestamps.ts';

/** Attribute elements of IEEE 1849; list and container hold nested attributes, not a value. */
const SIMPLE_KINDS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);
const NESTING_KINDS = new Set(['list', 'container', 'values']);

type Options = { xmlns: false; position: true };

interface Open {
  name: string;
  line: number;
}

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
  const state = traceBuilder(parser);
  parser.on('error', (error) => {
    throw new ImportError(`malformed XML: ${error.message.replace(/^\d+:\d+: /, '')}`, state.where());
  });
  parser.on('opentag', state.open);
  parser.on('closetag', state.close);
  for await (const chunk of chunks) {
    parser.write(chunk);
    yield* state.drain();
  }
  parser.close();
  if (!state.sawLog()) throw new ImportError('not an XES log: the file holds no <log> element');
  yield* state.drain();
}

function traceBuilder(parser: SaxesParser<Options>) {
  const stack: Open[] = [];
  const done: LogTrace[] = [];
  let trace: LogTrace | null = null;
  let event: LogEvent | null = null;
  let traces = 0;
  let rootSeen = false;
  // The reader does not know the mapping yet, so it names traces by the standard concept:name.
  const where = () => ({ line: parser.line, column: parser.column, ...(trace && { trace: traceLabel(trace, 'concept:name') }) });

  function open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const parent = stack.at(-1)?.name;
    stack.push({ name, line: parser.line });
    if (!parent) {
      if (name !== 'log') throw new ImportError(`not an XES log: the root element is <${tag.name}>, not <log>`, where());
      rootSeen = true;
    } else if (name === 'trace' && parent === 'log') {
      trace = { index: traces++, line: parser.line, attributes: new Map(), events: [] };
    } else if (name === 'event' && parent === 'trace') {
      event = { line: parser.line, attributes: new Map() };
    } else if ((parent === 'event' && event) || (parent === 'trace' && trace)) {
      attribute(tag, name, (event ?? trace)!.attributes as Map<string, LogValue>);
    }
  }

  function attribute(tag: SaxesTagPlain, kind: string, into: Map<string, LogValue>): void {
    if (!SIMPLE_KINDS.has(kind) && !NESTING_KINDS.has(kind)) return;
    const key = tag.attributes.key;
    if (!key) throw new ImportError(`<${kind}> attribute without a key`, where());
    if (NESTING_KINDS.has(kind)) return;
    const raw = tag.attributes.value;
    if (raw === undefined) throw new ImportError(`<${kind} key="${key}"> has no value`, where());
    if (kind === 'date' && !isDateTime(raw)) {
      throw new ImportError(`<date key="${key}"> holds "${raw}", which is not an xs:dateTime such as 2011-10-11T13:45:40.276+02:00`, where());
    }
    into.set(key, { raw, kind, line: parser.line, column: parser.column });
  }

  function close(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    stack.pop();
    if (name === 'event' && event && trace) {
      trace.events.push(event);
      event = null;
    } else if (name === 'trace' && trace && stack.at(-1)?.name === 'log') {
      done.push(trace);
      trace = null;
    }
  }

  function* drain(): Generator<LogTrace> {
    yield* done.splice(0);
  }

  return { open, close, drain, where, sawLog: () => rootSeen };
}

function localName(qualified: string): string {
  const i = qualified.indexOf(':');
  return i < 0 ? qualified : qualified.slice(i + 1);
}
