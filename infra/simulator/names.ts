import { fromDayNumber } from '../../domain/calendar/index.ts';
import { usccCheckChar } from '../../domain/events/common.ts';
import type { Rng } from './rng.ts';

// The most frequent surnames first, so that 王, 李 and 张 dominate as they do in a real county.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅文斌鹏辉浩宇欣怡子涵梓萱雨轩晨阳思远佳琪嘉豪俊杰婷婷海燕春林';
const TRADE_WORDS = '鑫源华盛恒泰宏达兴隆瑞丰金诚永安汇通天成广元博远润泽';
const TRADES = ['商贸', '建筑工程', '餐饮管理', '农业科技', '物流', '食品', '机械制造', '电子科技', '文化传媒', '医药', '建材', '家政服务'];
const FORMS = ['有限公司', '有限责任公司', '股份有限公司'];

export function personName(rng: Rng): string {
  const surname = SURNAMES[Math.min(SURNAMES.length - 1, Math.floor(rng.lognormal(8, 1.1)))]!;
  const first = GIVEN[rng.int(0, GIVEN.length - 1)]!;
  return rng.chance(0.7) ? surname + first + GIVEN[rng.int(0, GIVEN.length - 1)]! : surname + first;
}

export function companyName(rng: Rng, county: string): string {
  const a = rng.int(0, TRADE_WORDS.length / 2 - 1) * 2;
  return `${county}${TRADE_WORDS.slice(a, a + 2)}${rng.pick(TRADES)}${rng.pick(FORMS)}`;
}

export function mobile(rng: Rng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character (ISO 7064 MOD 11-2). */
export function residentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

// 1950-01-01 to 2007-12-31 as days since 1970: adults born over 58 years.
const BIRTH_FROM = -7305;
const BIRTH_SPAN = 21184;

/**
 * A resident ID unique to `serial` (a case index): the birth date and sequence number are a
 * bijection of it, so two unrelated cases never share an applicant by accident (IR19 compares
 * applicants across cases).
 */
export function residentId(division: string, serial: number): string {
  const day = BIRTH_FROM + ((serial % BIRTH_SPAN) * 7919) % BIRTH_SPAN;
  const seq = Math.floor(serial / BIRTH_SPAN) % 1000;
  const first17 = `${division}${fromDayNumber(day).replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheck(first17);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** An enterprise USCC (登记管理部门 9 工商, 类别 1 企业) whose organisation code encodes `serial`. */
export function enterpriseUscc(division: string, serial: number): string {
  let code = '';
  for (let i = 0, n = serial; i < 9; i++, n = Math.floor(n / 31)) code = USCC_CHARS[n % 31]! + code;
  const first17 = `91${division}${code}`;
  return first17 + usccCheckChar(first17);
}

/** A government agency's USCC (登记管理部门 1 机构编制, 类别 1 机关), as the seed county builds them. */
export function agencyUsccIn(division: string, serial: number): string {
  const first17 = `11${division}MB${String(serial).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}
