import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { mobile } from './names.ts';
import { applicantActor, intakeActor, label, variantIs, windowAt, type CaseRun } from './run.ts';
import { COMPLAINT_FEEDBACK, COMPLAINTS, RATING_COMMENTS } from './texts.ts';
import { OPEN } from './time.ts';

type RatingChannel = Extract<CaseEvent, { type: 'RatingSubmitted' }>['payload']['channel'];

/** Delivery of the result (ALL Art. 44), a rating after the conclusion, a complaint. */
export function aftercare(run: CaseRun): void {
  const { b, plan } = run;
  const concludedAt = { ord: b.ord, sec: b.sec };
  if (plan.delivery) deliver(run, plan.delivery.delay, concludedAt);
  if (plan.rating) {
    b.daysLater(plan.rating.delay);
    const online = plan.channel === 'online' || plan.channel === 'mobile';
    emitRating(run, plan.rating.level, online ? plan.channel as RatingChannel : b.rng.pick(['sms', 'online'] as const), 'per-case');
  }
  if (plan.complaint) complain(run, plan.complaint.delay, plan.complaint.handledIn, plan.complaint.substantiated);
}

function deliver(run: CaseRun, delay: number, concludedAt: { ord: number; sec: number }): void {
  const { b } = run;
  const atWindow = run.window !== undefined && b.rng.chance(0.7);
  b.daysLater(delay);
  const e = b.emit(
    'ResultDelivered',
    {
      recipient: { name: run.applicant.contact?.name ?? run.applicant.name, idType: run.applicant.kind === 'natural-person' ? '111' : undefined, idNumber: run.applicant.kind === 'natural-person' ? run.applicant.idNumber : undefined },
      method: atWindow ? 'in-person' : b.rng.chance(0.6) ? 'post' : 'electronic',
      byExpress: !atWindow,
      trackingNo: undefined,
    },
    intakeActor(run),
    atWindow ? windowAt(run) : undefined,
  );
  if (delay > 10) label(run, 'IR11', 'late-delivery', [run.marks.concluded, e]);
  if (variantIs(run, 'IR02', 'time-reversed')) {
    // Reported after the conclusion, but dated a few minutes before it.
    b.retime(e, concludedAt.ord, Math.max(OPEN, concludedAt.sec - b.rng.int(60, 600)));
    label(run, 'IR02', 'time-reversed', [run.marks.concluded, e]);
  }
}

export function emitRating(run: CaseRun, level: number, channel: RatingChannel, mode: 'per-visit' | 'per-case'): void {
  const { b } = run;
  if (mode === 'per-visit') b.minutesLater(1, 5);
  const e = b.emit(
    'RatingSubmitted',
    { channel, level: level as 1 | 2 | 3 | 4 | 5, mode, rater: { name: applicantActor(run).name }, comment: b.rng.chance(0.4) ? b.rng.pick(RATING_COMMENTS[level]!) : undefined, ratingNo: 1 },
    applicantActor(run),
    channel === 'window-device' ? windowAt(run) : undefined,
  );
  // Every 差评 raises its rectification notice; no reply (E18) comes from a departmental system, so
  // every one also stays unrectified [S23].
  if (level >= 4) {
    label(run, 'RATING-BAD', 'bad-rating', [e]);
    label(run, 'IR17', 'bad-rating-unrectified', [e]);
  }
}

export function complain(run: CaseRun, delay: number, handledIn: number, substantiated: boolean): CaseEvent {
  const { b } = run;
  const complaintId = `${b.county.prefix}TS${String(b.setup.caseIndex).padStart(8, '0')}`;
  b.daysLater(delay);
  b.emit(
    'ComplaintFiled',
    {
      complaintId,
      title: '办件投诉',
      content: b.rng.pick(COMPLAINTS),
      source: b.rng.pick(['hotline', 'online', 'mobile'] as const),
      complainant: { name: applicantActor(run).name, mobile: mobile(b.rng) },
      respondent: { deptName: b.setup.dept.name, deptCode: b.setup.dept.code },
      promisedLimit: { value: 10, unit: 'working-days' },
    },
    applicantActor(run),
  );
  // One platform handles complaints within 10 working days [S36].
  b.daysLater(handledIn);
  const approver = b.staff('approver');
  return b.emit('ComplaintHandled', { complaintId, feedback: COMPLAINT_FEEDBACK[substantiated ? 0 : 1]!, handlingDept: b.setup.dept.name, handlerName: approver.name, substantiated }, approver);
}
