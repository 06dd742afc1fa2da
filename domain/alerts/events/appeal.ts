import { z } from 'zod';
import { nonEmpty } from '../../events/common.ts';
import { alertEvent } from './envelope.ts';

/** 申诉 (§5 APPEALED): the department contests the alert. */
export const alertAppealed = alertEvent('AlertAppealed', z.strictObject({ reason: nonEmpty('申诉理由') }));

/** Appeal accepted: the alert has no score effect (§5, §6). */
export const alertDismissed = alertEvent('AlertDismissed', z.strictObject({ reason: nonEmpty('撤销理由') }));

/** Appeal refused: the alert stands and its reply is still owed. */
export const alertUpheld = alertEvent('AlertUpheld', z.strictObject({ reason: nonEmpty('维持理由') }));

export type AlertAppealed = z.infer<typeof alertAppealed>;
export type AlertDismissed = z.infer<typeof alertDismissed>;
export type AlertUpheld = z.infer<typeof alertUpheld>;
