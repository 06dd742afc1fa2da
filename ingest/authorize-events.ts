import type { Principal } from '../infra/auth/tokens.ts';
import type { Problem } from './errors.ts';
import type { PreparedEvent } from './prepare-batch.ts';

/**
 * Who may append what: a departmental system only case events of its own departments; the
 * administrator also reference data (catalogue, departments, windows, calendars). Other roles read.
 */
export function appendPermissionProblems(principal: Principal, events: PreparedEvent[], lines?: number[]): Problem[] {
  if (principal.role === 'admin') return [];
  if (principal.role !== 'department') {
    return [{ message: `the role ${principal.role} may not append events; only departmental systems and administrators may` }];
  }
  const own = new Set(principal.departments);
  const problems: Problem[] = [];
  events.forEach((event, index) => {
    const at = { index, ...(lines && { line: lines[index]! }), eventId: event.eventId, type: event.type };
    if (event.deptCode === null) {
      problems.push({ ...at, message: 'reference data may only be published by an administrator' });
    } else if (!own.has(event.deptCode)) {
      problems.push({ ...at, path: 'dept.code', message: `department ${event.deptCode} is not one of this token's departments (${principal.departments.join(', ') || 'none'})` });
    }
  });
  return problems;
}
