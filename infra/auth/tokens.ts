import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { uscc } from '../../domain/events/common.ts';

export const roles = ['department', 'supervisor', 'leader', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** A bearer token as stored: only its sha256, never the token itself. */
export const storedTokenSchema = z.object({
  name: z.string().min(1),
  role: z.enum(roles),
  /** For role `department`: the unified social credit codes whose events this system may append. */
  departments: z.array(uscc).default([]),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the hex sha256 of the token'),
});
export type StoredToken = z.infer<typeof storedTokenSchema>;
export type Principal = Omit<StoredToken, 'sha256'>;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
export const newToken = () => `sl_${randomBytes(24).toString('base64url')}`;

/** Looks up a presented token by its hash, in constant time per candidate. */
export class TokenRegistry {
  private readonly byHash = new Map<string, StoredToken>();
  /** Tokens kept in the file. Those configured through the environment are never written to it. */
  private readonly saved: StoredToken[];

  constructor(
    fileTokens: StoredToken[],
    envTokens: StoredToken[] = [],
    private readonly file?: string,
  ) {
    this.saved = [...fileTokens];
    for (const t of [...fileTokens, ...envTokens]) this.byHash.set(t.sha256, t);
  }

  authenticate(token: string): Principal | null {
    const h = hashToken(token);
    const found = this.byHash.get(h);
    if (!found || !timingSafeEqual(Buffer.from(found.sha256), Buffer.from(h))) return null;
    const { sha256: _, ...principal } = found;
    return principal;
  }

  /** Issues a new token, persists its hash, and returns the token: the only time it is visible. */
  issue(spec: Omit<StoredToken, 'sha256'>): string {
    const token = newToken();
    const stored = { ...spec, sha256: hashToken(token) };
    this.byHash.set(stored.sha256, stored);
    this.saved.push(stored);
    this.save();
    return token;
  }

  list(): Principal[] {
    return [...this.byHash.values()].map(({ sha256: _, ...p }) => p);
  }

  /** Writes the hashes atomically (temp file + rename), so a crash never leaves half a file. */
  save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(this.saved, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

export function readTokenFile(file: string): StoredToken[] {
  if (!existsSync(file)) return [];
  return parseTokenList(readFileSync(file, 'utf8'), file);
}

export function parseTokenList(json: string, source: string): StoredToken[] {
  const parsed = z.array(storedTokenSchema).safeParse(JSON.parse(json));
  if (!parsed.success) {
    throw new Error(`${source}: ${parsed.error.issues.map((i) => `[${i.path.join('.')}] ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
