import { AsyncLocalStorage } from 'node:async_hooks';
import { START, excludeSystemEvents } from '@kurrent/kurrentdb-client';
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { StoreUnavailableError } from './errors.ts';
import { fromResolved, isUserEvent } from './kurrentdb-codec.ts';
import { translateError } from './kurrentdb-errors.ts';
import type { SubscribeOptions, Subscription } from './port.ts';

/**
 * A catch-up subscription to $all: the server replays from the checkpoint and then goes live on the
 * same gRPC stream, so there is no hand-over gap to close. Events are pulled one at a time through
 * the stream's async iterator, so the next is not taken before the handler's promise settles, and
 * gRPC flow control holds the server back meanwhile.
 */
export function subscribeAllEvents(client: KurrentDBClient, options: SubscribeOptions): Subscription {
  const after = options.after !== undefined && options.after >= 0n ? options.after : undefined;
  const source = client.subscribeToAll({
    // Same mapping as readAll: our position is the commit position, and commit == prepare.
    fromPosition: after === undefined ? START : { commit: after, prepare: after },
    filter: excludeSystemEvents(),
  });
  // Lets stop() tell whether it was called from inside a handler, where waiting for `done` would deadlock.
  const insideHandler = new AsyncLocalStorage<true>();
  let stopped = false;

  let releasing: Promise<void> | undefined;
  function release(): Promise<void> {
    stopped = true;
    releasing ??= (async () => {
      await source.unsubscribe().catch(() => undefined);
      // Without this the iterator may wait for an end that a cancelled gRPC stream never sends.
      source.destroy();
    })();
    return releasing;
  }

  const done = (async () => {
    try {
      for await (const resolved of source) {
        if (stopped) break;
        const event = fromResolved(resolved);
        // The server's start position is a bound, not a promise of exclusivity: skip up to `after` ourselves.
        if (!event || !isUserEvent(event) || (after !== undefined && event.position <= after)) continue;
        await insideHandler.run(true, () => options.onEvent(event));
      }
      if (!stopped) report(options, new StoreUnavailableError('the server ended the subscription to $all'));
    } catch (error) {
      // Once stopped, the cancellation surfaces here as an error that nobody needs to hear about.
      if (!stopped) report(options, translateError(error));
    } finally {
      await release();
    }
  })();

  return {
    done,
    async stop() {
      await release();
      if (!insideHandler.getStore()) await done;
    },
  };
}

function report(options: SubscribeOptions, error: unknown): void {
  try {
    options.onError?.(error);
  } catch {
    // A failing error handler must not turn `done` into a rejected promise.
  }
}
