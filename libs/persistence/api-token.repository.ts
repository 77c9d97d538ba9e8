import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Tokens that are named and kept: they start with this, so a party's signed link is never looked up. */
export const NAMED_TOKEN_PREFIX = 'ovr_';

/** Named API tokens: each one says who is calling, and is recorded as the actor of the steps it takes. */
export class ApiTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new token for `name` (replacing one of the same name); the token itself is shown once and never kept. */
  async create(name: string): Promise<string> {
    const token = `${NAMED_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    await this.dataSource.query(
      `INSERT INTO api_tokens (name, digest) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET digest = EXCLUDED.digest, created_at = now(), revoked_at = NULL`,
      [name, tokenDigest(token)],
    );
    return token;
  }

  /** The name of a token that is known and not revoked. */
  async nameOf(token: string): Promise<string | undefined> {
    const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM api_tokens WHERE digest = $1 AND revoked_at IS NULL`, [tokenDigest(token)]);
    return rows[0]?.name;
  }

  /** True when a token of that name was there to revoke. */
  async revoke(name: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH revoked AS (UPDATE api_tokens SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL RETURNING name) SELECT name FROM revoked`,
      [name],
    );
    return rows.length > 0;
  }
}

/** SHA-256 of a bearer token: what is kept and compared, never the token. */
export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
