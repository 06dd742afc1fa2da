import { maskAddress, maskEmail, maskIdNumber, maskMobile, maskName, scanFreeText } from './text-masks.ts';

/**
 * Masking of personal information shown outside the auditor role (domain.md §7; PIPL Art. 28,
 * 政府信息公开条例 Art. 15). Enterprise names and USCCs are public registration data and stay clear.
 */

export { maskAddress, maskEmail, maskIdNumber, maskMobile, maskName, scanFreeText } from './text-masks.ts';

export const maskers = {
  name: maskName,
  idNumber: maskIdNumber,
  mobile: maskMobile,
  email: maskEmail,
  address: maskAddress,
  freeText: scanFreeText,
} as const;

/** Conditions under which a field is personal; when a condition is false the field stays clear. */
const conditions = {
  /** An enterprise's name, USCC and legal representative are public registration data. */
  'natural-person-applicant': (e: Record<string, unknown>) => at(e, ['payload', 'applicant', 'kind']) === 'natural-person',
  /** Staff names appear in internal supervision views (§7 rule 3); only the applicant's is personal. */
  'actor-is-applicant': (e: Record<string, unknown>) => at(e, ['actor', 'role']) === 'applicant',
} as const;

export interface PersonalField {
  /** Dotted path from the event root, array indexes left out; `**.key` matches the key at any depth. */
  path: string;
  mask: keyof typeof maskers;
  when?: keyof typeof conditions;
}

/**
 * Every personal field of every event (domain.md §7). An exact path wins over a `**` entry, so an
 * enterprise applicant's idNumber (its USCC) stays clear while every other idNumber is masked.
 * Adding a field is one line here.
 */
export const personalFieldPaths: readonly PersonalField[] = [
  { path: 'payload.applicant.name', mask: 'name', when: 'natural-person-applicant' },
  { path: 'payload.applicant.idNumber', mask: 'idNumber', when: 'natural-person-applicant' },
  { path: 'payload.applicant.legalRepresentative', mask: 'name', when: 'natural-person-applicant' },
  { path: 'payload.applicant.contact.name', mask: 'name' },
  { path: 'payload.recipient.name', mask: 'name' },
  { path: 'payload.payerName', mask: 'name' },
  { path: 'payload.rater.name', mask: 'name' },
  { path: 'payload.complainant.name', mask: 'name' },
  { path: 'actor.name', mask: 'name', when: 'actor-is-applicant' },
  { path: '**.idNumber', mask: 'idNumber' },
  { path: '**.mobile', mask: 'mobile' },
  { path: '**.phone', mask: 'mobile' },
  { path: '**.email', mask: 'email' },
  { path: '**.address', mask: 'address' },
  { path: '**.comment', mask: 'freeText' },
  { path: '**.title', mask: 'freeText' },
  { path: '**.content', mask: 'freeText' },
  { path: '**.feedback', mask: 'freeText' },
  { path: '**.reason', mask: 'freeText' },
  { path: '**.refusalReason', mask: 'freeText' },
  { path: '**.supplementNote', mask: 'freeText' },
  { path: '**.opinion', mask: 'freeText' },
  { path: '**.description', mask: 'freeText' },
  { path: '**.note', mask: 'freeText' },
];

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) v = isRecord(v) ? v[key] : undefined;
  return v;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const exact = new Map(personalFieldPaths.filter((f) => !f.path.startsWith('**.')).map((f) => [f.path, f]));
const anywhere = new Map(personalFieldPaths.filter((f) => f.path.startsWith('**.')).map((f) => [f.path.slice(3), f]));

/**
 * The event with its personal fields masked: what holds one is copied, the rest is shared with the
 * input, and the input is left untouched. Accepts any JSON value, so it also serves stored events
 * whose shape predates the current schema.
 */
export function maskEvent(event: unknown): unknown {
  const root = isRecord(event) ? event : {};
  // Paths travel as dotted strings and objects are rebuilt with plain loops: this runs for every
  // event the projection writes. Only what holds a masked value is copied; the rest is shared with
  // the input, which nothing writes to (most events carry no personal field outside a few leaves).
  const visit = (value: unknown, path: string, key: string): unknown => {
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const masked = visit(value[i], path, key);
        if (masked !== value[i]) (out ??= value.slice())[i] = masked;
      }
      return out ?? value;
    }
    if (isRecord(value)) {
      let out: Record<string, unknown> | undefined;
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        const masked = visit(value[k], path === '' ? k : `${path}.${k}`, k);
        if (masked !== value[k]) (out ??= { ...value })[k] = masked;
      }
      return out ?? value;
    }
    if (typeof value !== 'string' || path === '') return value;
    const field = exact.get(path) ?? anywhere.get(key);
    if (!field || (field.when && !conditions[field.when](root))) return value;
    return maskers[field.mask](value);
  };
  return visit(event, '', '');
}
