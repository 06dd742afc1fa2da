import type { Projection } from '../projection.ts';
import { isCaseStream } from '../projection.ts';
import { eventRow } from './map.ts';
import { eventsTable } from './table.ts';

export const eventsProjection: Projection = {
  name: 'events',
  tables: { events: eventsTable },
  rows: (batch) => ({ events: batch.filter((e) => isCaseStream(e.streamId)).map(eventRow) }),
};
