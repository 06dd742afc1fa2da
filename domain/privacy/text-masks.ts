/** Masks of single values for views outside the auditor role (domain.md §7 rule 2). */

const chars = (s: string) => Array.from(s);
const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** 张三丰 → 张** */
export function maskName(name: string): string {
  const [first, ...rest] = chars(name.trim());
  return first === undefined ? '' : first + stars(rest.length);
}

/** 11010519491231002X → 110***********002X. Too short to keep both ends: everything is masked. */
export function maskIdNumber(id: string): string {
  const c = chars(id.trim());
  if (c.length <= 7) return stars(c.length);
  return c.slice(0, 3).join('') + stars(c.length - 7) + c.slice(-4).join('');
}

/** 13812341234 → 138****1234; a landline keeps only its last four digits. */
export function maskMobile(phone: string): string {
  const c = chars(phone.trim());
  if (c.length >= 11) return c.slice(0, 3).join('') + stars(c.length - 7) + c.slice(-4).join('');
  if (c.length > 4) return stars(c.length - 4) + c.slice(-4).join('');
  return stars(c.length);
}

/** Kept to the county or district (§7 rule 2); 自治区 is a province, so its 区 does not count. */
export function maskAddress(address: string): string {
  const a = address.trim();
  const at = a.search(/(?<!自治)[县区]/);
  if (at >= 0) return a.slice(0, at + 1);
  const c = chars(a);
  return c.length <= 6 ? stars(c.length) : `${c.slice(0, 6).join('')}…`;
}

/** zhangsan@example.com → z*******@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return maskName(email);
  return maskName(email.slice(0, at)) + email.slice(at);
}

/** 18-character resident ID numbers (GB 11643), not part of a longer run of digits or letters. */
const ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])/g;
/** Mainland mobiles, optionally +86 and written 138-1234-1234 or 138 1234 1234. */
const MOBILE_IN_TEXT = /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])/g;

/** Masks ID and mobile numbers inside free text (§7 rule 5); names in prose cannot be found this way. */
export function scanFreeText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (id) => maskIdNumber(id))
    .replace(MOBILE_IN_TEXT, (m) => maskMobile(m.replace(/\D/g, '').slice(-11)));
}
