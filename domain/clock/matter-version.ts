import type { CivilDate } from '../calendar/index.ts';
import type { MatterVersion } from '../events/reference/matter-version-published.ts';
import { anomaly } from './anomalies.ts';
import type { LimitUnit } from './axis.ts';
import type { CaseKind, ClockAnomaly, MatterUsed } from './types.ts';

export interface MatterChoice {
  readonly used: MatterUsed;
  readonly version: MatterVersion | null;
  readonly kind: CaseKind;
  readonly anomalies: readonly ClockAnomaly[];
}

export interface MatterQuery {
  readonly matterCode: string | null;
  /** The version the events name (envelope matterVersion of the acceptance, else the first event). */
  readonly namedVersion: number | null;
  readonly on: CivilDate | null;
  readonly acceptedLimit: { readonly value: number; readonly unit: LimitUnit } | null;
  readonly acceptedEventId: string | null;
}

const inForce = (v: MatterVersion, on: CivilDate): boolean => v.validFrom <= on && (v.validTo === undefined || on < v.validTo);

/**
 * A case binds to the catalogue version in force at acceptance (domain.md §1); of several in force
 * the latest version wins. Without one, the version the events name, then the limit CaseAccepted carries.
 */
export function chooseMatterVersion(all: readonly MatterVersion[], q: MatterQuery): MatterChoice {
  const ofMatter = all.filter((v) => q.matterCode === null || v.matterCode === q.matterCode);
  const latest = (vs: MatterVersion[]): MatterVersion | null => vs.reduce<MatterVersion | null>((a, v) => (!a || v.version > a.version ? v : a), null);
  const current = q.on === null ? null : latest(ofMatter.filter((v) => inForce(v, q.on!)));
  const named = current ? null : latest(ofMatter.filter((v) => v.version === q.namedVersion));
  const anomalies: ClockAnomaly[] = [];
  if (!current && q.on !== null) {
    const message = `no version of matter ${q.matterCode} in force on ${q.on}${named ? `; version ${named.version} named by the events is used` : ''}`;
    anomalies.push(anomaly('no-matter-version-in-force', q.on, [], message));
  }
  const version = current ?? named;
  if (version) {
    const source = current ? 'in-force' : 'named-by-events';
    const validity = `valid ${version.validFrom}–${version.validTo ?? ''}`;
    const how = current ? `matter ${version.matterCode} v${version.version} (${validity}), in force on ${q.on}, the acceptance date` : `matter ${version.matterCode} v${version.version} (${validity}), named by the case's events: none was in force on ${q.on}`;
    const a = q.acceptedLimit;
    if (a && (a.value !== version.promisedLimit.value || a.unit !== version.promisedLimit.unit)) {
      anomalies.push(anomaly('accepted-limit-differs', q.on, [q.acceptedEventId], `CaseAccepted states ${a.value} ${a.unit}, the catalogue promises ${version.promisedLimit.value} ${version.promisedLimit.unit}; the catalogue governs`));
    }
    const used: MatterUsed = {
      source, matterCode: version.matterCode, version: version.version, validFrom: version.validFrom, validTo: version.validTo ?? null,
      promisedLimit: version.promisedLimit, statutoryLimit: version.statutoryLimit, jointHandling: version.jointHandling === true, how,
    };
    return { used, version, kind: version.caseKind === 'instant' ? 'instant' : 'commitment', anomalies };
  }
  const limit = q.acceptedLimit;
  const how = limit ? `the limit stated by CaseAccepted ${q.acceptedEventId} (规定办理时限): no catalogue version is known, so there is no statutory clock` : 'no catalogue version and no acceptance limit: no clock can be computed';
  const used: MatterUsed = {
    source: limit ? 'accepted-limit' : 'none', matterCode: q.matterCode, version: null, validFrom: null, validTo: null,
    promisedLimit: limit, statutoryLimit: null, jointHandling: false, how,
  };
  // S26 stores 即办件 with a promised limit of 0.
  return { used, version: null, kind: limit?.value === 0 ? 'instant' : 'commitment', anomalies };
}
