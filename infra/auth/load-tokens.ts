import type { Config } from '../config.ts';
import { hashToken, parseTokenList, readTokenFile, TokenRegistry, type StoredToken } from './tokens.ts';

export interface LoadedTokens {
  registry: TokenRegistry;
  /** Set only when this start generated the admin token: print it once, it is never shown again. */
  generatedAdminToken?: string;
}

/**
 * Tokens come from the token file (hashes, written by `POST /v1/tokens`), from SUNLIGHT_TOKENS,
 * and from SUNLIGHT_ADMIN_TOKEN. With no admin at all, an embedded start generates one.
 */
export function loadTokens(config: Config): LoadedTokens {
  const fromFile = readTokenFile(config.auth.tokensFile);
  const fromEnv: StoredToken[] = config.auth.tokensJson ? parseTokenList(config.auth.tokensJson, 'SUNLIGHT_TOKENS') : [];
  if (config.auth.adminToken) {
    fromEnv.push({ name: 'admin (SUNLIGHT_ADMIN_TOKEN)', role: 'admin', departments: [], sha256: hashToken(config.auth.adminToken) });
  }
  const registry = new TokenRegistry(fromFile, fromEnv, config.auth.tokensFile);
  if ([...fromFile, ...fromEnv].some((t) => t.role === 'admin')) return { registry };
  const generatedAdminToken = registry.issue({ name: 'admin (generated at first start)', role: 'admin', departments: [] });
  return { registry, generatedAdminToken };
}
