import type { Projection, TableRows } from '../projection.ts';
import { alertRows } from './map.ts';
import { alertEventsTable, alertsTable } from './tables.ts';

/**
 * Alerts and their lifecycle events (domain.md §5, E18), for SQL and Grafana users and for rules
 * that depend on a reply (IR17). Only AlertRaised names the case and rule, so every touched
 * alert is folded from its whole stream, read back from the log when it began before the batch.
 */
export const alertsProjection: Projection = {
  name: 'alerts',
  tables: { alerts: alertsTable, alert_events: alertEventsTable },
  rows: async (batch, services) => {
    await services.alerts.observe(batch);
    const newest = new Map<string, bigint>();
    for (const e of batch) if (e.streamId.startsWith(services.alerts.prefix)) newest.set(e.streamId, e.position);
    const out: TableRows = { alerts: [], alert_events: [] };
    if (newest.size === 0) return out;
    // A batch is a contiguous range of the log, so "in this batch" is "at or after its first position".
    const from = batch[0]!.position;
    for (const [streamId, upTo] of newest) {
      const { alert, events } = alertRows(await services.alerts.upTo(streamId, upTo), (e) => e.position >= from);
      if (alert) out.alerts!.push(alert);
      for (const row of events) out.alert_events!.push(row);
    }
    return out;
  },
};
