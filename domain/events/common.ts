import { z } from 'zod';

/**
 * Field schemas shared by every event. Messages are written for the clerk who maintains the
 * departmental system that sent the event: they say what was expected and give an example.
 */

/** An instant with its UTC offset. A bare local time is ambiguous across zones, so it is refused. */
export const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date-time with a UTC offset, e.g. 2026-03-16T09:30:00+08:00',
});

/** A civil date (no time, no zone), as used by calendars and catalogue validity. */
export const civilDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD, e.g. 2026-03-16' });

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character of an 18-character unified social credit code. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export function isValidUscc(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && usccCheckChar(code.slice(0, 17)) === code[17];
}

/** 统一社会信用代码 (GB 32100-2015), check character verified. */
export const uscc = z
  .string()
  .refine(isValidUscc, 'must be an 18-character unified social credit code (统一社会信用代码) with a valid check character');

/** 申办流水号 SBLSH / 办件编号 (GB/T 39046: an..50). */
export const caseId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,50}$/, 'must be 1–50 letters, digits, "-" or "_" (申办流水号)');

/** 行政区划代码: 6 digits (GB/T 2260), or 9/12 digits for towns and villages. */
export const divisionCode = z
  .string()
  .regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'must be a 6-, 9- or 12-digit administrative division code (行政区划代码)');

/** 事项编码: 基本编码 (an..10) or 实施编码 (an..24), as the catalogue publishes it. */
export const matterCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be the matter code (事项编码): 1–32 letters, digits, "-" or "_"');

export const nonEmpty = (what: string) => z.string().trim().min(1, `must not be empty (${what})`);

/** Amount in CNY with at most two decimals (GB/T 39046 n..16,2). */
export const money = z
  .number({ error: 'must be a number of yuan, e.g. 10.50' })
  .nonnegative('must not be negative')
  .refine((n) => Math.round(n * 100) === Number((n * 100).toFixed(6)) && n < 1e14, 'must have at most two decimals (n..16,2)');

export const positiveInt = z.number().int('must be a whole number').positive('must be at least 1');
export const nonNegativeInt = z.number().int('must be a whole number').nonnegative('must not be negative');

/** 办理形式 / 提交方式, GB/T 39046 A.5. */
export const channel = z.enum(['window', 'online', 'mobile', 'post', 'other'], {
  error: 'must be one of window (1 窗口), online (2 电脑端网上), mobile (3 移动端), post (4 快递), other (9 其他)',
});

/** Roles of the people who act on a case (S21), plus intake clerk, first responder and the applicant. */
export const actorRole = z.enum(['handler', 'reviewer', 'approver', 'intake', 'first-responder', 'applicant', 'system', 'other'], {
  error: 'must be one of handler (承办人), reviewer (审核人), approver (批准人), intake (受理人), first-responder (首问责任人), applicant, system, other',
});

export const actor = z.object({
  name: nonEmpty('姓名'),
  staffNo: z.string().trim().min(1).max(32).optional().describe('工号'),
  role: actorRole,
});

export const department = z.object({
  code: uscc.describe('统一社会信用代码 of the 实施主体'),
  name: nonEmpty('部门名称'),
});

/** A time limit as the catalogue and the exchange carry it (GDBLSX + GDBLSXDDW; TBCXSX + TBCXSXDW). */
export const timeLimit = z.object({
  value: nonNegativeInt,
  unit: z.enum(['working-days', 'calendar-days'], {
    error: 'must be working-days (G 工作日) or calendar-days (Z 自然日)',
  }),
});

/** 服务对象类型, GB/T 39046 A.4. */
export const applicantKind = z.enum(['natural-person', 'enterprise', 'public-institution', 'social-organisation', 'government', 'other'], {
  error: 'must be one of natural-person (1 自然人), enterprise (2 企业法人), public-institution (3 事业法人), social-organisation (4 社会组织), government (5 行政机关), other (6 其他)',
});

/** Role of a handling step, as both the catalogue (steps[]) and E7 carry it (S21). */
export const stepRole = z.enum(['handler', 'reviewer', 'approver', 'other'], {
  error: 'must be one of handler (承办), reviewer (审核), approver (批准), other (其他)',
});

/** 证件类型代码, GA/T 2000.156 (e.g. 111 居民身份证, 414 普通护照). Kept open: senders use local variants. */
export const idType = z.string().trim().min(1, 'must not be empty (证件类型)').max(10, 'must be at most 10 characters (证件类型代码)');

export const idNumber = z.string().trim().min(1, 'must not be empty (证件号码)').max(64, 'must be at most 64 characters (证件号码)');

/** Mobile or landline; extensions and foreign numbers occur, so only the characters are checked. */
export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{3,24}$/, 'must be a phone number, e.g. 13812341234 or 0513-87654321');

export const email = z.email({ error: 'must be an e-mail address, e.g. name@example.com' });

/** One entry of a materials list (申办/受理/补正材料清单). */
export const material = z.object({
  code: z.string().trim().min(1).max(64).optional().describe('材料编码'),
  name: nonEmpty('材料名称').describe('材料名称'),
});

export const materialList = z.array(material, {
  error: 'must be a list of materials, e.g. [{"name": "营业执照复印件"}]',
});

/** Whoever approved a pause or special procedure: IR06 flags it when missing, so it stays optional. */
export const approver = z.object({
  name: nonEmpty('批准人姓名').describe('批准人'),
  phone: phone.optional().describe('批准人电话'),
});

/** Amounts are carried in yuan; the exchange's 币种 field only ever says CNY for domestic fees. */
export const currency = z.literal('CNY', { error: 'must be CNY (币种): amounts are in yuan' });
