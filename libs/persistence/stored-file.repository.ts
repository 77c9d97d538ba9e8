import type { DataSource } from 'typeorm';

/** Where a file's bytes are: in this database, or in the configured object storage under `files/<id>`. */
export type FileLocation = 'database' | 'object-storage';

/** What is known of an uploaded file besides its bytes. */
export interface StoredFileMeta {
  readonly id: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly location: FileLocation;
  /** ISO 8601 instant. */
  readonly uploadedAt: string;
  /** `coordinator`, or `party:<id>` for a party through its own link. */
  readonly uploadedBy: string;
  readonly uploadedByName: string | null;
}

interface FileRow {
  id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  location: FileLocation;
  uploaded_at: Date;
  uploaded_by: string;
  uploaded_by_name: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const META_COLUMNS = 'id, name, media_type, size, sha256, location, uploaded_at, uploaded_by, uploaded_by_name';

/**
 * Uploaded files: kept apart from the read model, which a rebuild from the workflows
 * rewrites; a case's history holds only a file's id and checksum.
 */
export class StoredFileRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `content` only where the bytes stay in the database. */
  async add(meta: Omit<StoredFileMeta, 'uploadedAt'>, content: Buffer | null): Promise<StoredFileMeta> {
    const rows: FileRow[] = await this.dataSource.query(
      `INSERT INTO stored_files (id, name, media_type, size, sha256, location, content, uploaded_by, uploaded_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${META_COLUMNS}`,
      [meta.id, meta.name, meta.mediaType, meta.size, meta.sha256, meta.location, content, meta.uploadedBy, meta.uploadedByName],
    );
    return metaOf(rows[0]);
  }

  /** A file and, where the database keeps them, its bytes (null for a file in object storage). */
  async find(id: string): Promise<{ meta: StoredFileMeta; content: Buffer | null } | undefined> {
    if (!UUID.test(id)) return undefined;
    const rows: (FileRow & { content: Buffer | null })[] = await this.dataSource.query(`SELECT ${META_COLUMNS}, content FROM stored_files WHERE id = $1`, [id]);
    return rows[0] ? { meta: metaOf(rows[0]), content: rows[0].content } : undefined;
  }

  /** The files of these ids that exist; an id that cannot be one names none. */
  async findAll(ids: readonly string[]): Promise<Map<string, StoredFileMeta>> {
    const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
    if (valid.length === 0) return new Map();
    const rows: FileRow[] = await this.dataSource.query(`SELECT ${META_COLUMNS} FROM stored_files WHERE id = ANY($1::uuid[])`, [valid]);
    return new Map(rows.map((row) => [row.id, metaOf(row)]));
  }

  /**
   * Whether a case refers to the file: as an attachment (any version) or, with `party`, as
   * that party's minutes excerpt. With `party` and no `caseId`: any case of the party's.
   */
  async referredBy(fileId: string, scope: { readonly caseId?: string; readonly party?: string }): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM cases c
        WHERE ($1::uuid IS NULL OR c.id = $1::uuid)
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.party = $3))
          AND (EXISTS (SELECT 1 FROM jsonb_array_elements(c.attachments) a
                        WHERE a->'file'->>'id' = $2
                           OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(a->'earlier', '[]')) e WHERE e->'file'->>'id' = $2))
               OR EXISTS (SELECT 1 FROM case_parties p
                           WHERE p.case_id = c.id AND p.minutes_file->>'id' = $2 AND ($3::text IS NULL OR p.party = $3)))
        LIMIT 1`,
      [scope.caseId ?? null, fileId, scope.party ?? null],
    );
    return rows.length > 0;
  }
}

function metaOf(row: FileRow): StoredFileMeta {
  return {
    id: row.id,
    name: row.name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    location: row.location,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: row.uploaded_by,
    uploadedByName: row.uploaded_by_name,
  };
}
