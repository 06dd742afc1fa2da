import type { MatterVersion } from '../../domain/events/reference/matter-version-published.ts';
import { ALL_45_PROCEDURES, type ParsedMatter } from './county-catalogue.ts';
import { feeItemsFor } from './county-fees.ts';
import type { Rng } from './rng.ts';

type Step = MatterVersion['steps'][number];
type MatterType = MatterVersion['matterType'];

/** What the simulator knows about a matter beyond its published catalogue record. */
export interface SimMatter {
  version: MatterVersion;
  deptIndex: number;
  /** Relative share of the county's cases. */
  popularity: number;
  instant: boolean;
  /** 处罚, 强制 and 检查 cases are opened by the agency (channel 9 其他), not applied for. */
  agencyInitiated: boolean;
  /** ALL Art. 43 matters whose preliminary review is forwarded (上报) to the city. */
  forwardable: boolean;
  materials: { code: string; name: string }[];
  resultName: string;
}

export interface MatterContext {
  code: string;
  deptIndex: number;
  deptCode: string;
  level: '4' | '5';
  agencyInitiated: boolean;
}

/**
 * Statutory limits by matter type, in working days. Licences follow ALL Art. 42 (20, or 45 for
 * joint handling); penalties the 90-day 行政处罚法 limit expressed in working days; compulsory
 * measures 行政强制法 Art. 25 (30 days). Promised limits are a fraction of them (S39).
 */
const STATUTORY: Record<string, readonly number[]> = {
  '01': [20, 20, 20, 20, 20, 20, 15, 30, 30, 45],
  '02': [60],
  '03': [30],
  '04': [20],
  '05': [30, 20],
  '06': [30],
  '07': [30, 20, 20],
  '08': [60],
  '09': [60, 45],
  '10': [20, 15],
  '20': [15, 10, 20],
};
const PROMISED_SHARE: Record<string, readonly [number, number]> = {
  '01': [0.2, 0.55], '02': [0.4, 0.6], '03': [0.4, 0.6], '04': [0.25, 0.5], '05': [0.3, 0.6], '06': [0.3, 0.6],
  '07': [0.2, 0.4], '08': [0.4, 0.6], '09': [0.5, 0.75], '10': [0.2, 0.4], '20': [0.2, 0.5],
};

export function buildMatter(rng: Rng, parsed: ParsedMatter, ctx: MatterContext): SimMatter {
  const type = parsed.type as MatterType;
  const statutory = parsed.instant ? rng.pick([1, 3, 5]) : rng.pick(STATUTORY[type]!);
  const [lo, hi] = PROMISED_SHARE[type]!;
  const promised = parsed.instant ? 0 : Math.max(1, Math.round(statutory * (lo + rng.float() * (hi - lo))));
  const feeItems = feeItemsFor(rng, type, parsed);
  const online = !ctx.agencyInitiated && rng.chance(parsed.instant ? 0.6 : 0.88);
  const version: MatterVersion = {
    matterCode: ctx.code,
    version: 1,
    name: parsed.name,
    matterType: type,
    level: ctx.level,
    deptCode: ctx.deptCode,
    statutoryLimit: { value: statutory, unit: 'working-days' },
    promisedLimit: { value: promised, unit: 'working-days' },
    caseKind: parsed.instant ? 'instant' : 'commitment',
    charges: feeItems.length > 0,
    ...(feeItems.length > 0 ? { feeBasis: feeItems.map((f) => f.legalBasis).join('；') } : {}),
    feeItems,
    online,
    ...(online && !parsed.instant && rng.chance(0.18) ? { onlineRequired: true } : {}),
    allowedSpecialProcedures: parsed.instant ? [] : specialProceduresFor(rng, type),
    steps: parsed.instant ? [{ code: 'S1', name: '受理即办', role: 'handler', limitWorkingDays: 0 }] : stepsFor(rng, promised),
    validFrom: '2026-01-01',
    ...(statutory === 45 ? { jointHandling: true } : {}),
  };
  return {
    version,
    deptIndex: ctx.deptIndex,
    popularity: rng.lognormal(1, 1.1) * (parsed.instant ? 2 : 1) * (ctx.agencyInitiated ? 0.25 : 1) * (ctx.level === '5' ? 0.3 : 1),
    instant: parsed.instant,
    agencyInitiated: ctx.agencyInitiated,
    forwardable: !parsed.instant && ctx.level === '4' && ['01', '07', '09'].includes(type) && rng.chance(0.4),
    materials: materialsFor(rng, type, parsed.name),
    resultName: resultNameOf(type, parsed.name),
  };
}

/** 承办 / 审核 / 批准 (S21); step limits add up to the promised limit or a little less (S20). */
function stepsFor(rng: Rng, promised: number): Step[] {
  const total = promised >= 4 && rng.chance(0.3) ? promised - 1 : promised;
  if (total <= 3) {
    const handler = Math.ceil(total / 2);
    return [step('S1', '承办', 'handler', handler), step('S2', '批准', 'approver', total - handler)];
  }
  const handler = Math.ceil(total * 0.5);
  const reviewer = Math.floor(total * 0.3);
  return [step('S1', '承办', 'handler', handler), step('S2', '审核', 'reviewer', reviewer), step('S3', '批准', 'approver', total - handler - reviewer)];
}

const step = (code: string, name: string, role: Step['role'], limitWorkingDays: number): Step => ({ code, name, role, limitWorkingDays });

function specialProceduresFor(rng: Rng, type: string): string[] {
  if (type === '01') {
    const n = rng.int(1, 3);
    const names = new Set<string>();
    while (names.size < n) names.add(rng.pick(ALL_45_PROCEDURES));
    return ALL_45_PROCEDURES.filter((p) => names.has(p));
  }
  if (type === '02') return ['听证'];
  if (type === '09') return ['听证', '鉴定'];
  if (type === '07' || type === '05' || type === '08') return rng.chance(0.5) ? ['专家评审', '鉴定'] : [];
  return [];
}

const COMMON_MATERIALS = ['申请表', '申请人身份证明'];
const TYPE_MATERIALS: Record<string, readonly string[]> = {
  '01': ['营业执照复印件', '场所平面图', '法定代表人身份证明', '专业技术人员资格证明', '管理制度文本', '设备设施清单'],
  '05': ['收入证明', '银行账户信息', '家庭成员情况说明', '医疗费用票据'],
  '07': ['权属来源证明', '户口簿', '相关证明材料原件'],
  '04': ['缴费基数核定表', '项目批准文件'],
  '09': ['争议事实和理由', '证据材料'],
};

function materialsFor(rng: Rng, type: string, name: string): SimMatter['materials'] {
  const pool = TYPE_MATERIALS[type] ?? ['情况说明', '相关证明材料'];
  const extra = rng.int(1, Math.min(3, pool.length));
  const start = rng.int(0, pool.length - extra);
  const names = type === '02' || type === '03' || type === '06' ? ['立案审批表', '现场检查笔录', '证据材料'] : [...COMMON_MATERIALS, ...pool.slice(start, start + extra)];
  return names.map((n, i) => ({ code: `M${String(i + 1).padStart(2, '0')}`, name: n === '申请表' ? `${name}申请表` : n }));
}

function resultNameOf(type: string, name: string): string {
  const proof = name.indexOf('证明');
  if (proof >= 0) return name.slice(0, proof + 2);
  const cert = name.indexOf('证');
  if (cert > 1) return name.slice(0, cert + 1);
  if (type === '02') return '行政处罚决定书';
  if (type === '03') return '行政强制措施决定书';
  if (type === '01') return `准予${name}决定书`;
  return `${name}办理结果通知书`;
}
