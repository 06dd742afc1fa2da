import type { Recipient } from './events/index.ts';
import type { StandingLevel } from './state.ts';

const yellow: readonly Recipient[] = Object.freeze([{ role: '承办人' }]);
const red: readonly Recipient[] = Object.freeze([
  { role: '承办人' },
  { role: '审核人' },
  { role: '批准人' },
  { role: 'dept-head' },
  { role: 'supervision-office' },
]);

/**
 * §5 NOTIFIED: a yellow goes to the 承办人 (S17); a red to everyone who handled the case, the
 * department head and the supervision office (S14). A notice is addressed like a red.
 */
export function recipientsFor(level: StandingLevel): readonly Recipient[] {
  return level === 'yellow' ? yellow : red;
}
