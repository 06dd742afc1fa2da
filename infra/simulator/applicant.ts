import type { Applicant } from '../../domain/events/case/case-submitted.ts';
import { TOWN_NAMES } from './county-catalogue.ts';
import type { County } from './county.ts';
import type { SimMatter } from './county-matters.ts';
import { companyName, enterpriseUscc, mobile, personName, residentId } from './names.ts';
import type { Rng } from './rng.ts';

/** Share of enterprise applicants by matter type: licences and collections are mostly for businesses. */
const ENTERPRISE_SHARE: Record<string, number> = { '01': 0.65, '02': 0.5, '03': 0.5, '04': 0.6, '06': 0.8, '10': 0.7 };

/** An applicant whose identity number is unique to the case index (see residentId). */
export function applicantFor(rng: Rng, county: County, caseIndex: number, matter: SimMatter): Applicant {
  const address = `${county.name}${rng.pick(TOWN_NAMES)}${rng.pick(['人民路', '建设路', '新华街', '幸福村', '光明村'])}${rng.int(1, 300)}号`;
  if (rng.chance(ENTERPRISE_SHARE[matter.version.matterType] ?? 0.08)) {
    const representative = personName(rng);
    return {
      kind: 'enterprise',
      name: companyName(rng, county.name),
      idType: 'USCC',
      idNumber: enterpriseUscc(county.division, caseIndex),
      mobile: mobile(rng),
      address,
      legalRepresentative: representative,
      contact: { name: rng.chance(0.5) ? representative : personName(rng), mobile: mobile(rng) },
    };
  }
  return {
    kind: 'natural-person',
    name: personName(rng),
    idType: '111',
    idNumber: residentId(county.division, caseIndex),
    mobile: mobile(rng),
    address,
    subjectId: `${county.prefix}P${caseIndex}`,
  };
}
