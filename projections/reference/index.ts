import type { Projection, TableRows } from '../projection.ts';
import { referenceRows } from './map.ts';
import { calendarDaysTable, departmentsTable, mattersTable, windowsTable } from './tables.ts';

const REFERENCE_STREAMS = /^(matter|dept|window|calendar)-/;

export const referenceProjection: Projection = {
  name: 'reference',
  tables: { matters: mattersTable, departments: departmentsTable, windows: windowsTable, calendar_days: calendarDaysTable },
  rows: (batch) => {
    const out: TableRows = { matters: [], departments: [], windows: [], calendar_days: [] };
    for (const e of batch) if (REFERENCE_STREAMS.test(e.streamId)) referenceRows(e, out);
    return out;
  },
};
