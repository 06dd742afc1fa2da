import type Database from 'better-sqlite3';

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit. better-sqlite3 is synchronous, so a commit's fsync blocks the event loop and
 * requests pile up behind it. Appends that arrive during one turn of the loop are written in one
 * transaction (one fsync), each inside its own savepoint: a request that fails rolls back alone,
 * and no request is acknowledged before the shared commit is durable.
 */
export function groupCommit<T, R>(
  db: Database.Database,
  write: (item: T) => R,
  onCommitted: (results: R[]) => void,
  mapError: (error: unknown) => unknown,
): (item: T) => Promise<R> {
  let queue: Pending<T, R>[] = [];
  const savepoint = db.transaction(write);
  const outer = db.transaction((batch: Pending<T, R>[]) =>
    batch.map((p) => {
      try {
        return { ok: true as const, value: savepoint(p.item) };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );

  function flush(): void {
    const batch = queue;
    queue = [];
    let outcomes: ReturnType<typeof outer>;
    try {
      // IMMEDIATE takes the write lock first, so the duplicate check and the insert cannot race
      // with another process appending to the same file.
      outcomes = outer.immediate(batch);
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the group is stored.
      for (const p of batch) p.reject(mapError(error));
      return;
    }
    const committed: R[] = [];
    outcomes.forEach((o, i) => {
      if (o.ok) {
        committed.push(o.value);
        batch[i]!.resolve(o.value);
      } else batch[i]!.reject(mapError(o.error));
    });
    if (committed.length > 0) onCommitted(committed);
  }

  return (item: T) =>
    new Promise<R>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ item, resolve, reject });
    });
}
