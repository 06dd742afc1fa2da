import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, checkChain, linkHash, type ChainLink } from './hash-chain.ts';

/** The chain as the documentation states it, written independently, the way an auditor would. */
function auditorHash(prevHash: string, l: ChainLink): string {
  const canonical = [l.streamId, String(l.revision), l.eventId, l.type, l.recordedAt, l.dataJson].join('\n');
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex');
}

const link = (revision: bigint, data: unknown): ChainLink => ({
  streamId: 'case-QH-2026-000123', revision, eventId: `00000000-0000-4000-8000-00000000000${revision}`,
  type: 'CaseStepCompleted', recordedAt: '2026-03-02T09:15:00+08:00', dataJson: canonicalJson(data),
});

function chain(datas: unknown[]) {
  let prev = '';
  return datas.map((d, i) => {
    const l = link(BigInt(i), d);
    const hash = linkHash(prev, l);
    const stored = { ...l, prevHash: prev, hash };
    prev = hash;
    return stored;
  });
}

describe('hash chain', () => {
  it('is sha256 of the previous hash and the newline-joined canonical event, so an auditor can recompute it', () => {
    const l = link(0n, { 审批意见: '同意', applicant: { name: '张三' } });
    expect(linkHash('', l)).toBe(auditorHash('', l));
    expect(linkHash('ab'.repeat(32), l)).toBe(auditorHash('ab'.repeat(32), l));
  });

  it('serialises data with sorted keys at every level, so equal data hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('verifies an intact stream and names the first altered event', () => {
    const links = chain([{ step: 1 }, { step: 2 }, { step: 3 }]);
    expect(checkChain(links)).toEqual({ ok: true, length: 3, headHash: links[2]!.hash });
    const edited = links.map((l) => (l.revision === 1n ? { ...l, dataJson: canonicalJson({ step: 20 }) } : l));
    expect(checkChain(edited)).toMatchObject({ ok: false, brokenAt: 1n });
  });
});
