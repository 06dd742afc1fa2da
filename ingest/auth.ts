import type { FastifyRequest } from 'fastify';
import type { Principal, Role, TokenRegistry } from '../infra/auth/tokens.ts';
import { forbidden, unauthorized } from './errors.ts';

const principals = new WeakMap<FastifyRequest, Principal>();

/** Resolves the bearer token of a request, or throws 401 saying what is wrong with it. */
export function authenticate(request: FastifyRequest, tokens: TokenRegistry): Principal {
  const header = request.headers.authorization;
  if (!header) throw unauthorized('Missing Authorization header; send "Authorization: Bearer <token>".');
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw unauthorized('The Authorization header must be "Bearer <token>".');
  const principal = tokens.authenticate(m[1]!);
  if (!principal) throw unauthorized('The bearer token is not valid.');
  principals.set(request, principal);
  return principal;
}

export function principalOf(request: FastifyRequest): Principal {
  const p = principals.get(request);
  if (!p) throw unauthorized('Not authenticated.');
  return p;
}

/** Route guard: the caller must hold one of the roles. */
export function requireRole(request: FastifyRequest, allowed: readonly Role[]): Principal {
  const p = principalOf(request);
  if (!allowed.includes(p.role)) {
    throw forbidden(`This action needs the role ${allowed.join(' or ')}; the token "${p.name}" has the role ${p.role}.`);
  }
  return p;
}
