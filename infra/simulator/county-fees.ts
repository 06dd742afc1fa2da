import type { MatterVersion } from '../../domain/events/reference/matter-version-published.ts';
import type { ParsedMatter } from './county-catalogue.ts';
import type { Rng } from './rng.ts';

type FeeItem = MatterVersion['feeItems'][number];

const item = (code: string, name: string, unit: string, standardAmount: number, maxQuantity: number, legalBasis: string): FeeItem => ({
  code,
  name,
  unit,
  standardAmount,
  maxQuantity,
  legalBasis,
});

/**
 * Fee items (ALL Arts. 58–59: a licence is free unless a law or regulation sets a fee). Property
 * registration charges the 登记费 per case plus 工本费 per extra certificate; collections (征收)
 * charge per unit of a quantity; certificate services charge 工本费.
 */
export function feeItemsFor(rng: Rng, type: string, parsed: ParsedMatter): FeeItem[] {
  if (parsed.name.startsWith('不动产') && type === '07') {
    return [
      item('F01', '不动产登记费', '件', 80, 1, '不动产登记收费标准（发改价格规〔2016〕2559号）'),
      item('F02', '证书工本费', '本', 10, 3, '不动产登记收费标准 第一本证书免收工本费，每增加一本加收10元'),
    ];
  }
  if (type === '04') {
    const [unit, amount, max] = rng.pick([['平方米', 1.5, 20000], ['立方米', 0.2, 50000], ['月', 180.5, 12]] as const);
    return [item('F01', parsed.name.replace(/征收$/, ''), unit, amount, max, `${parsed.name}标准（省物价部门核定）`)];
  }
  if (parsed.name.includes('身份证') || parsed.name.includes('驾驶证') || parsed.name.includes('从业资格证')) {
    return [item('F01', '证件工本费', '证', rng.pick([10, 20]), 1, '证件工本费收费标准')];
  }
  if ((type === '20' || type === '01') && rng.chance(type === '20' ? 0.2 : 0.08)) {
    return [item('F01', '工本费', '证', rng.pick([5, 10, 15]), 2, '证照工本费收费标准')];
  }
  return [];
}
