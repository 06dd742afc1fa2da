import { describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import {
  maskAddress,
  maskEmail,
  maskEvent,
  maskIdNumber,
  maskMobile,
  maskName,
  personalFieldPaths,
  scanFreeText,
} from './mask.ts';

describe('masks of single values', () => {
  const masks = { maskName, maskIdNumber, maskMobile, maskEmail, maskAddress };
  it.each([
    ['maskName', '张三丰', '张**'],
    ['maskName', '欧阳娜娜', '欧***'],
    ['maskName', '', ''],
    ['maskIdNumber', '11010519491231002X', '110***********002X'],
    ['maskIdNumber', 'E12345678', 'E12**5678'],
    ['maskIdNumber', '1234567', '*******'],
    ['maskMobile', '13812341234', '138****1234'],
    ['maskMobile', '0513-87654321', '051******4321'],
    ['maskMobile', '87654321', '****4321'],
    ['maskEmail', 'zhangsan@example.com', 'z*******@example.com'],
    ['maskAddress', '江苏省清河县人民路1号', '江苏省清河县'],
    ['maskAddress', '南通市崇川区工农路8号', '南通市崇川区'],
    ['maskAddress', '广西壮族自治区南宁市青秀区民族大道1号', '广西壮族自治区南宁市青秀区'],
    ['maskAddress', '如皋市城北街道花园新村5幢', '如皋市城北街…'],
    ['maskAddress', '花园新村', '****'],
  ] as const)('%s(%s) → %s', (fn, input, expected) => {
    expect(masks[fn](input)).toBe(expected);
  });
});

describe('scanFreeText', () => {
  it('masks ID and mobile numbers inside a sentence and leaves the rest', () => {
    expect(scanFreeText('申请人11010519491231002X，电话13812341234，请回电。')).toBe('申请人110***********002X，电话138****1234，请回电。');
  });

  it('finds mobiles written with +86 or separators', () => {
    expect(scanFreeText('联系+86 138-1234-5678或139 8765 4321')).toBe('联系138****5678或139****4321');
  });

  it('leaves longer digit runs such as receipt numbers alone', () => {
    expect(scanFreeText('缴款单号 2026031612345678901234')).toBe('缴款单号 2026031612345678901234');
  });
});

describe('maskEvent', () => {
  it('masks a natural-person applicant, the contact and free text', () => {
    const event = caseEventOf('CaseSubmitted', 'C1', {
      payload: {
        applicant: {
          kind: 'natural-person',
          name: '张三丰',
          idType: '111',
          idNumber: '11010519491231002X',
          mobile: '13812341234',
          email: 'zhangsan@example.com',
          address: '江苏省清河县人民路1号',
          contact: { name: '李四', idNumber: '320682199001011234', mobile: '13900001111' },
        },
      },
    });
    const masked = maskEvent(event) as typeof event;
    expect(masked.payload.applicant).toEqual({
      kind: 'natural-person',
      name: '张**',
      idType: '111',
      idNumber: '110***********002X',
      mobile: '138****1234',
      email: 'z*******@example.com',
      address: '江苏省清河县',
      contact: { name: '李*', idNumber: '320***********1234', mobile: '139****1111' },
    });
    expect(masked.actor.name).toBe('张**');
  });

  it('leaves the event it was given as it was, masked leaves and all', () => {
    const event = caseEventOf('CaseSubmitted', 'C1', { actor: { role: 'applicant', name: '张三' } });
    const before = structuredClone(event);
    const masked = maskEvent(event) as typeof event;
    expect(masked.payload.applicant.name).not.toBe(event.payload.applicant.name);
    expect(event).toEqual(before);
  });

  it('leaves an enterprise applicant, its USCC and legal representative clear, but masks its contact', () => {
    const event = caseEventOf('CaseSubmitted', 'C1', {
      payload: {
        applicant: {
          kind: 'enterprise',
          name: '清河县青石食品有限公司',
          idType: '001',
          idNumber: '91329901MA1XXXXX0X',
          legalRepresentative: '王五',
          contact: { name: '赵六', mobile: '13700002222' },
        },
      },
    });
    const { applicant } = (maskEvent(event) as typeof event).payload;
    expect(applicant.name).toBe('清河县青石食品有限公司');
    expect(applicant.idNumber).toBe('91329901MA1XXXXX0X');
    expect(applicant.legalRepresentative).toBe('王五');
    expect(applicant.contact).toEqual({ name: '赵*', mobile: '137****2222' });
  });

  it('masks the legal representative of a natural-person applicant', () => {
    const event = caseEventOf('CaseSubmitted', 'C1');
    event.payload.applicant.legalRepresentative = '张三丰';
    expect((maskEvent(event) as typeof event).payload.applicant.legalRepresentative).toBe('张**');
  });

  it('keeps staff names clear and masks staff phones', () => {
    const event = caseEventOf('SpecialProcedureStarted', 'C1', { payload: { approver: { name: '王局长', phone: '13812341234' } } });
    const masked = maskEvent(event) as typeof event;
    expect(masked.actor).toEqual(event.actor);
    expect(masked.payload.approver).toEqual({ name: '王局长', phone: '138****1234' });
  });

  it.each([
    ['ResultDelivered', 'recipient', { recipient: { name: '张三丰', idType: '111', idNumber: '11010519491231002X' } }, { name: '张**', idType: '111', idNumber: '110***********002X' }],
    ['FeeCharged', 'payerName', { payerName: '张三丰', collector: '李收费' }, '张**'],
    ['FeeCharged', 'collector', { payerName: '张三丰', collector: '李收费' }, '李收费'],
    ['RatingSubmitted', 'rater', { rater: { name: '张三丰' }, comment: '请回电13812341234' }, { name: '张**' }],
    ['RatingSubmitted', 'comment', { rater: { name: '张三丰' }, comment: '请回电13812341234' }, '请回电138****1234'],
    ['ComplaintFiled', 'complainant', { complainant: { name: '张三丰', mobile: '13812341234' }, content: '身份证11010519491231002X被拒' }, { name: '张**', mobile: '138****1234' }],
    ['ComplaintFiled', 'content', { complainant: { name: '张三丰' }, content: '身份证11010519491231002X被拒' }, '身份证110***********002X被拒'],
    ['CaseConcluded', 'reason', { resultCode: '1', reason: '申请人13812341234要求退回' }, '申请人138****1234要求退回'],
    ['AcceptanceRefused', 'refusalReason', { refusalReason: '证件11010519491231002X已失效' }, '证件110***********002X已失效'],
  ] as const)('%s: masks payload.%s', (type, field, payload, expected) => {
    const event = caseEventOf(type, 'C1', { payload: payload as never });
    const masked = maskEvent(event) as { payload: Record<string, unknown> };
    expect(masked.payload[field]).toEqual(expected);
  });

  it('does not touch the input event', () => {
    const event = caseEventOf('CaseSubmitted', 'C1');
    const before = structuredClone(event);
    maskEvent(event);
    expect(event).toEqual(before);
  });

  it('passes through non-objects and unknown shapes', () => {
    expect(maskEvent(null)).toBeNull();
    expect(maskEvent('13812341234')).toBe('13812341234');
    expect(maskEvent({ legacy: { mobile: '13812341234' } })).toEqual({ legacy: { mobile: '138****1234' } });
  });

  it('documents every rule with a path and a known mask', () => {
    for (const f of personalFieldPaths) expect(f.path).toMatch(/^(\*\*\.)?[a-zA-Z.]+$/);
  });
});
