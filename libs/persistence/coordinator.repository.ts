import type { DataSource } from 'typeorm';

export interface Coordinator {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly failedSignIns: number;
  readonly lockedUntil: Date | null;
}

export interface CoordinatorSession {
  readonly coordinator: Pick<Coordinator, 'id' | 'email' | 'name'>;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** Coordinator accounts and their sign-in sessions. Session tokens are stored only as hashes. */
export class CoordinatorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the account, or sets a new name and password on an existing one. */
  async upsert(email: string, name: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO coordinators (email, name, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (lower(email)) DO UPDATE SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash,
         failed_sign_ins = 0, locked_until = NULL`,
      [email, name, passwordHash],
    );
  }

  /**
   * The account of a coordinator the identity provider vouches for: an existing one (its
   * name brought up to date, its password kept), or a new one with no password that works.
   */
  async ensureForIdentity(email: string, name: string): Promise<Pick<Coordinator, 'id' | 'email' | 'name'>> {
    const rows: { id: string; email: string; name: string }[] = await this.dataSource.query(
      `INSERT INTO coordinators (email, name, password_hash) VALUES ($1, $2, '!')
       ON CONFLICT (lower(email)) DO UPDATE SET name = EXCLUDED.name
       RETURNING id, email, name`,
      [email, name],
    );
    return rows[0];
  }

  /** A stronger hash of the same password, made at sign-in. */
  async replacePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE coordinators SET password_hash = $2 WHERE id = $1`, [id, passwordHash]);
  }

  async findByEmail(email: string): Promise<Coordinator | undefined> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, email, name, password_hash, failed_sign_ins, locked_until FROM coordinators WHERE lower(email) = lower($1)`,
      [email],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id as string,
      email: row.email as string,
      name: row.name as string,
      passwordHash: row.password_hash as string,
      failedSignIns: row.failed_sign_ins as number,
      lockedUntil: (row.locked_until as Date | null) ?? null,
    };
  }

  /** Every coordinator's address: who gets the notices about cases. */
  async listEmails(): Promise<string[]> {
    const rows: { email: string }[] = await this.dataSource.query(`SELECT email FROM coordinators ORDER BY lower(email)`);
    return rows.map((row) => row.email);
  }

  /** Counts a failed sign-in; after `limit` in a row the account is locked for `lockMs`. */
  async recordFailedSignIn(id: string, limit: number, lockMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE coordinators SET failed_sign_ins = failed_sign_ins + 1,
         locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN now() + ($3 || ' milliseconds')::interval ELSE locked_until END
       WHERE id = $1`,
      [id, limit, String(lockMs)],
    );
  }

  async clearFailedSignIns(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE coordinators SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1`, [id]);
  }

  async createSession(tokenHash: string, coordinatorId: string, csrfToken: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO coordinator_sessions (token_hash, coordinator_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)`,
      [tokenHash, coordinatorId, csrfToken, expiresAt],
    );
  }

  /** A live session, its expiry pushed on by `idleMs` since it is in use. */
  async touchSession(tokenHash: string, idleMs: number): Promise<CoordinatorSession | undefined> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      // As a SELECT around the UPDATE: TypeORM answers a bare UPDATE with [rows, count].
      `WITH touched AS (
         UPDATE coordinator_sessions s SET expires_at = now() + ($2 || ' milliseconds')::interval
           FROM coordinators c
          WHERE s.token_hash = $1 AND s.expires_at > now() AND c.id = s.coordinator_id
          RETURNING c.id, c.email, c.name, s.csrf_token, s.expires_at)
       SELECT * FROM touched`,
      [tokenHash, String(idleMs)],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      coordinator: { id: row.id as string, email: row.email as string, name: row.name as string },
      csrfToken: row.csrf_token as string,
      expiresAt: row.expires_at as Date,
    };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM coordinator_sessions WHERE token_hash = $1 OR expires_at < now()`, [tokenHash]);
  }
}
