import { z } from 'zod';

/** Irregularities the simulator injects: every rule of domain.md §4 (IR09 as its two kinds of overdue). */
export const INJECTIONS = [
  'IR01', 'IR02', 'IR03', 'IR04', 'IR05', 'IR06', 'IR07', 'IR08', 'overduePromised', 'overdueStatutory',
  'IR10', 'IR11', 'IR12', 'IR13', 'IR14', 'IR15', 'IR16', 'IR17', 'IR18', 'IR19', 'IR20',
] as const;
export type Injection = (typeof INJECTIONS)[number];

const share = z.number().min(0).max(1);

const lifecycleRates = {
  /** Submission channel weights (GB/T 39046 A.5); 必须网办 matters use online and mobile only. */
  channel: z.object({ window: z.number().nonnegative(), online: z.number().nonnegative(), mobile: z.number().nonnegative(), post: z.number().nonnegative() }),
  /** Share of online and mobile submissions pre-checked (E2). */
  preReview: share,
  preAcceptanceSupplement: share,
  refusal: share,
  postAcceptanceSupplement: share,
  suspension: share,
  /** Type-2 special procedure, on matters that allow one. */
  specialProcedure: share,
  /** Type-1 extension (ALL Art. 42), on cases that would otherwise run over. */
  extension: share,
  forwarding: share,
  withdrawal: share,
  denial: share,
  returned: share,
  voided: share,
  deleted: share,
  delivery: share,
  rating: share,
  /** Weights of satisfaction levels 1 非常满意 … 5 非常不满意; 4 and 5 are 差评 and trip IR17. */
  ratingLevels: z.tuple([share, share, share, share, share]),
  complaint: share,
};

export const ratesSchema = z.object({
  ...lifecycleRates,
  /** Share of cases into which each irregularity is injected; at most one injection per case. */
  irregularities: z.object(Object.fromEntries(INJECTIONS.map((k) => [k, share])) as Record<Injection, typeof share>),
});

export type Rates = z.infer<typeof ratesSchema>;

/** Plausible defaults for a county service centre; every rate can be changed with --rates FILE. */
export const defaultRates: Rates = Object.freeze({
  channel: { window: 0.52, online: 0.33, mobile: 0.14, post: 0.01 },
  preReview: 0.6,
  preAcceptanceSupplement: 0.06,
  refusal: 0.025,
  postAcceptanceSupplement: 0.04,
  suspension: 0.012,
  specialProcedure: 0.05,
  extension: 0.02,
  forwarding: 0.1,
  withdrawal: 0.012,
  denial: 0.035,
  returned: 0.01,
  voided: 0.004,
  deleted: 0.001,
  delivery: 0.92,
  rating: 0.62,
  ratingLevels: [0.74, 0.17, 0.055, 0.025, 0.01],
  complaint: 0.004,
  irregularities: {
    IR01: 0.002, IR02: 0.003, IR03: 0.004, IR04: 0.003, IR05: 0.002, IR06: 0.003, IR07: 0.003, IR08: 0.03,
    overduePromised: 0.035, overdueStatutory: 0.004, IR10: 0.002, IR11: 0.004, IR12: 0.003, IR13: 0.002,
    IR14: 0.004, IR15: 0.002, IR16: 0.003, IR17: 0.003, IR18: 0.002, IR19: 0.001, IR20: 0.001,
  },
}) as Rates;

const partialRates = z.object(lifecycleRates).partial().extend({ irregularities: ratesSchema.shape.irregularities.partial().optional() });

/** A rates file: any subset of the rates, merged over the defaults. */
export function parseRates(json: unknown, base: Rates = defaultRates): Rates {
  const r = partialRates.parse(json);
  const merged = { ...base, ...r, irregularities: { ...base.irregularities, ...r.irregularities } };
  const total = INJECTIONS.reduce((s, k) => s + merged.irregularities[k], 0);
  if (total > 1) throw new Error(`the irregularity rates add up to ${total.toFixed(3)}; at most one is injected per case, so they must add up to 1 or less`);
  return merged;
}
