import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FileView } from '../../libs/contract';
import type { StoredFileMeta } from '../../libs/persistence';
import { ApiError } from './api-error';
import { CallerIdentifier, type Caller } from './caller';
import { FileStorageService } from './file-storage.service';
import { parseFileId } from './request-input';
import { isMultipart, readUploadForm } from './upload';

/**
 * Uploaded files: `POST /api/files` stores one (the coordinator, or a party with its case
 * link, for its minutes excerpt), and a step then names it by id; `GET /api/files/{id}`
 * hands it out to the coordinator, and to the parties whose cases refer to it.
 */
@Controller('api/files')
export class FileController {
  constructor(
    private readonly files: FileStorageService,
    private readonly callers: CallerIdentifier,
  ) {}

  @Post()
  @HttpCode(201)
  async upload(@Req() request: Request, @Res({ passthrough: true }) response: Response, @Headers('authorization') authorization?: string): Promise<FileView> {
    const caller = await this.requireCaller(authorization);
    if (caller.kind === 'party-overview') throw new ApiError('forbidden', 'Översiktslänken räcker inte för att ladda upp: använd ärendets egen länk.');
    if (!isMultipart(request)) throw new ApiError('unsupported-media-type', 'Skicka filen som multipart/form-data, i fältet file.');
    const form = await readUploadForm(request, response, ['file'], this.files.maxBytes);
    const unknown = Object.keys(form.fields);
    if (unknown.length > 0) throw new ApiError('validation', `Formuläret tar bara fältet file, inte ${unknown.join(', ').slice(0, 100)}.`);
    const file = form.files.file;
    if (!file) throw new ApiError('validation', 'Välj en fil att ladda upp, i fältet file.', [{ path: 'file', message: 'Välj en fil.' }]);
    const actor = caller.kind === 'party' ? (`party:${caller.claim.party}` as const) : 'coordinator';
    const meta = await this.files.store(file, { actor, ...(caller.kind === 'coordinator' && caller.name ? { name: caller.name } : {}) });
    return fileViewOf(meta);
  }

  @Get(':id')
  async download(@Param('id') id: string, @Res() response: Response, @Headers('authorization') authorization?: string): Promise<void> {
    const caller = await this.requireCaller(authorization);
    const fileId = parseFileId(id);
    const visible =
      caller.kind === 'coordinator' ||
      (caller.kind === 'party' && (await this.files.visibleToParty(fileId, caller.claim.party, caller.claim.caseId))) ||
      (caller.kind === 'party-overview' && (await this.files.visibleToParty(fileId, caller.party)));
    // Another party's file is answered as missing: whether it exists is not theirs to learn.
    if (!visible) throw new ApiError('not-found', 'Filen finns inte.');
    sendFile(response, await this.files.read(fileId));
  }

  private async requireCaller(authorization: string | undefined): Promise<Caller> {
    const caller = await this.callers.identify(authorization);
    if (!caller) throw new ApiError('unauthorized', 'Saknad eller ogiltig token: skicka Authorization: Bearer <token>.');
    return caller;
  }
}

function fileViewOf(meta: StoredFileMeta): FileView {
  return { id: meta.id, name: meta.name, mediaType: meta.mediaType, size: meta.size, sha256: meta.sha256, uploadedAt: meta.uploadedAt };
}

/** A file as a download, under its own name (UTF-8 for browsers, a plain fallback for the rest). */
export function sendFile(response: Response, { meta, content }: { meta: StoredFileMeta; content: Buffer }): void {
  const fallback = meta.name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'fil';
  response
    .status(200)
    .type(meta.mediaType)
    .set({
      'Content-Disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
      'Cache-Control': 'private, no-store',
      ETag: `"${meta.sha256}"`,
    })
    .send(content);
}
