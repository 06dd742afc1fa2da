import { describe, it } from 'vitest';
import { eventStoreContract } from './contract.ts';
import { createKurrentDbEventStore } from './kurrentdb.ts';

// The same contract as the embedded store, against a real KurrentDB/EventStoreDB server.
// No server can run on the development machines, so it runs only when one is given.
const url = process.env.EVENTSTORE_URL;

if (url) {
  // KurrentDB has no way to edit a stored event, so there is no tamper capability to test.
  eventStoreContract(`KurrentDB at ${url}`, async () => ({ store: createKurrentDbEventStore({ connectionString: url }) }));
} else {
  describe('event store contract: KurrentDB', () => {
    it.skip('skipped: no KurrentDB server given; set EVENTSTORE_URL=kurrentdb://host:2113?tls=false to run the contract suite against one', () => {});
  });
}
