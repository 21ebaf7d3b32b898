import { ArmError } from './armErrors';

/**
 * The token from `Authorization: Bearer <token>`; 401 AuthenticationFailed (ARM's code) when absent. Any non-empty token
 * is accepted: the emulator checks that clients authenticate, not who they are.
 */
export function requireBearerToken(header: string | undefined): string {
  const token = /^Bearer\s+(\S.*)$/i.exec(header ?? '')?.[1]?.trim();
  if (!token) {
    throw new ArmError(
      401,
      'AuthenticationFailed',
      header ? "Authentication failed. The 'Authorization' header is not a Bearer token." : "Authentication failed. The 'Authorization' header is missing.",
    );
  }
  return token;
}

/**
 * Tenant of a JWT-shaped token (its `tid` claim), so that a client listing subscriptions tenant by tenant (as
 * @microsoft/vscode-azext-azureauth does) sees each subscription once. Opaque tokens see every tenant's subscriptions.
 */
export function tenantOfToken(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return undefined;
  }
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const tid = typeof claims === 'object' && claims !== null ? (claims as { tid?: unknown }).tid : undefined;
    return typeof tid === 'string' ? tid : undefined;
  } catch {
    return undefined; // not a JWT after all: treat as opaque
  }
}
