import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { acceptedKinds, cleanFileName, fileKindOf, ObjectStorage, VirusScanHook } from '../../libs/files';
import type { Actor, FileRef } from '../../libs/domain';
import { StoredFileRepository, type StoredFileMeta } from '../../libs/persistence';
import { ApiConfig } from './api-config';
import { ApiError } from './api-error';
import type { FileFacts } from './case.presenter';
import { SecurityLog } from './security-log';

/** A file as it arrived: the name its sender gave, and its bytes. */
export interface Upload {
  readonly name: string;
  readonly content: Buffer;
}

/**
 * Uploaded files: checked (size, kind by content, the scan hook), stored in PostgreSQL or
 * the object storage, and handed out again only as they were stored (the checksum holds).
 */
@Injectable()
export class FileStorageService {
  private readonly objects?: ObjectStorage;
  private readonly scanner?: VirusScanHook;

  constructor(
    private readonly config: ApiConfig,
    private readonly files: StoredFileRepository,
    private readonly securityLog: SecurityLog,
  ) {
    const { objectStorage, virusScanCommand } = config.files;
    if (objectStorage) this.objects = new ObjectStorage(objectStorage);
    if (virusScanCommand) this.scanner = new VirusScanHook(virusScanCommand);
  }

  get maxBytes(): number {
    return this.config.files.maxBytes;
  }

  async store(upload: Upload, uploader: { readonly actor: Actor; readonly name?: string }): Promise<StoredFileMeta> {
    const name = cleanFileName(upload.name);
    if (upload.content.length === 0) throw new ApiError('validation', 'Filen är tom.');
    if (upload.content.length > this.maxBytes) throw tooLarge(this.maxBytes);
    if (!name) throw new ApiError('validation', 'Filen behöver ett namn.');
    const kind = fileKindOf(name, upload.content);
    if (!kind) throw new ApiError('unsupported-media-type', `Filtypen tas inte emot, eller filens innehåll stämmer inte med dess namn. Ladda upp ${acceptedKinds()}.`);
    if (this.scanner) {
      const verdict = await this.scanner.scan(upload.content);
      if (verdict === 'infected') {
        this.securityLog.record('upload-infected', { actor: uploader.actor, name: name.slice(0, 100) });
        throw new ApiError('rejected-file', 'Filen stoppades av virusgranskningen och sparades inte.');
      }
      if (verdict === 'failed') throw new ApiError('unavailable', 'Virusgranskningen svarar inte just nu, så filen sparades inte. Försök igen om en stund.');
    }
    const id = randomUUID();
    const meta = {
      id,
      name,
      mediaType: kind.mediaType,
      size: upload.content.length,
      sha256: createHash('sha256').update(upload.content).digest('hex'),
      location: this.objects ? ('object-storage' as const) : ('database' as const),
      uploadedBy: uploader.actor,
      uploadedByName: uploader.name ?? null,
    };
    if (this.objects) {
      try {
        await this.objects.put(objectKey(id), upload.content, kind.mediaType);
      } catch {
        throw new ApiError('unavailable', 'Fillagringen svarar inte just nu, så filen sparades inte. Försök igen om en stund.');
      }
    }
    return this.files.add(meta, this.objects ? null : upload.content);
  }

  /** A stored file and its bytes, exactly as uploaded. */
  async read(id: string): Promise<{ meta: StoredFileMeta; content: Buffer }> {
    const stored = await this.files.find(id);
    if (!stored) throw new ApiError('not-found', 'Filen finns inte.');
    const { meta } = stored;
    let content: Buffer | undefined;
    try {
      content = meta.location === 'database' ? (stored.content ?? undefined) : await this.requireObjects().get(objectKey(id));
    } catch {
      throw new ApiError('unavailable', 'Fillagringen svarar inte just nu. Försök igen om en stund.');
    }
    if (!content) throw new ApiError('not-found', 'Filen finns inte i lagringen.');
    if (createHash('sha256').update(content).digest('hex') !== meta.sha256) {
      this.securityLog.record('file-checksum-mismatch', { file: id });
      throw new ApiError('unavailable', 'Filen i lagringen stämmer inte med kontrollsumman och lämnas inte ut. Kontakta förvaltningen.');
    }
    return { meta, content };
  }

  /**
   * The files a step names, as the case will refer to them. A party may name only files
   * it uploaded itself; the coordinator any file.
   */
  async refsFor(ids: readonly string[], actor: Actor): Promise<Map<string, FileRef>> {
    const found = await this.files.findAll(ids);
    for (const id of ids) {
      const meta = found.get(id);
      if (!meta || (actor.startsWith('party:') && meta.uploadedBy !== actor)) {
        throw new ApiError('validation', 'Den uppladdade filen finns inte. Ladda upp den igen.', [{ path: 'file', message: 'Filen finns inte.' }]);
      }
    }
    return new Map([...found.values()].map((meta) => [meta.id, { id: meta.id, sha256: meta.sha256 }]));
  }

  async facts(ids: readonly string[]): Promise<FileFacts> {
    return this.files.findAll(ids);
  }

  /** The names of files already uploaded with a form, by the form's field, for the form shown again. */
  async keptFiles(fields: Readonly<Record<string, string | undefined>>): Promise<Record<string, { id: string; name: string }>> {
    const facts = await this.files.findAll(Object.values(fields).filter((id): id is string => id !== undefined));
    return Object.fromEntries(
      Object.entries(fields).flatMap(([field, id]) => {
        const name = id ? facts.get(id)?.name : undefined;
        return id && name ? [[field, { id, name }]] : [];
      }),
    );
  }

  /**
   * Whether a party may fetch the file: an attachment of one of its cases, or its own
   * excerpt; within one case when `caseId` is given (a per-case link).
   */
  visibleToParty(fileId: string, party: string, caseId?: string): Promise<boolean> {
    return this.files.referredBy(fileId, { party, ...(caseId ? { caseId } : {}) });
  }

  private requireObjects(): ObjectStorage {
    if (!this.objects) throw new Error('A file is in object storage, but none is configured.');
    return this.objects;
  }
}

export function tooLarge(maxBytes: number): ApiError {
  return new ApiError('payload-too-large', `Filen är för stor: högst ${Math.floor(maxBytes / (1024 * 1024))} MB.`);
}

function objectKey(id: string): string {
  return `files/${id}`;
}
