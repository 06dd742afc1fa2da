/**
 * Query parameters written into the SQL text as typed literals: `{name:Type}` becomes
 * `CAST(<literal> AS Type)`, which ClickHouse folds to the same constant the server-side binding
 * gives. chDB runs every parameterised query through one process-wide queue (its bindings are not
 * isolated between concurrent queries), so with bound parameters a scheduled evaluation over all
 * cases held back the queries for the cases a batch had just touched; plain SQL runs in parallel.
 */
export function inlineParams(query: string, params: Record<string, unknown>): string {
  return query.replace(/\{([A-Za-z_][A-Za-z0-9_]*):([A-Z][^{}]*)\}/g, (_, name: string, type: string) => {
    if (!(name in params)) throw new Error(`query parameter ${name} has no value`);
    return `CAST(${literal(params[name], name)} AS ${type})`;
  });
}

function literal(v: unknown, name: string): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`query parameter ${name} is not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v)) return `[${v.map((x) => literal(x, name)).join(', ')}]`;
  throw new Error(`query parameter ${name} has an unsupported value of type ${typeof v}`);
}
