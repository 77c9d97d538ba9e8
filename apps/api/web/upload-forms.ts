import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor } from '../../../libs/domain';
import { ApiError, HTTP_STATUS } from '../api-error';
import type { FileStorageService, Upload } from '../file-storage.service';
import { isMultipart, readUploadForm } from '../upload';
import { NEW_CASE_FILE_FIELDS } from './new-case.view';

/** The pages' forms that carry files, and the fields they carry them in. */
const UPLOAD_FORMS: readonly { readonly path: RegExp; readonly fields: readonly string[] }[] = [
  { path: /^\/arenden\/nytt$/, fields: NEW_CASE_FILE_FIELDS },
  { path: /^\/arenden\/[^/]+\/attachment$/, fields: ['file'] },
  { path: /^\/arenden\/[^/]+\/decision$/, fields: ['minutesFile'] },
  { path: /^\/svar\/[^/]+\/[^/]+\/[^/]+$/, fields: ['minutesFile'] },
];

type UploadRequest = Request & { upload?: { readonly files: Readonly<Record<string, Upload>>; readonly error?: ApiError } };

/** Whether the sender may upload to a page's form at all: a signed-in coordinator, or the holder of a genuine party link. */
export type MayUpload = (request: Request) => Promise<boolean>;

/**
 * Reads the pages' multipart forms before the guards run, so that a form's CSRF token
 * and fields are in the body as for any other form. What went wrong with a file is kept
 * for the page to show beside its field, not thrown. Only for a sender who may upload:
 * anyone else's body is never read (the page then refuses them), so that nobody can make
 * the server hold files for them without a session or a link.
 */
export function uploadForms(maxBytes: number, mayUpload: MayUpload): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const form = request.method === 'POST' && isMultipart(request) ? UPLOAD_FORMS.find((candidate) => candidate.path.test(request.path)) : undefined;
    if (!form) return next();
    mayUpload(request)
      .then((allowed) => (allowed ? readUploadForm(request, response, form.fields, maxBytes) : undefined))
      .then(
      (read) => {
        if (read) {
          request.body = read.fields;
          (request as UploadRequest).upload = { files: read.files };
        }
        next();
      },
      (error: unknown) => {
        request.body ??= {};
        (request as UploadRequest).upload = { files: {}, error: error instanceof ApiError ? error : new ApiError('validation', 'Filen kunde inte läsas.') };
        next();
      },
    );
  };
}

/**
 * What became of a form's files: the ids of those stored, by field, and, when one was
 * not taken, its field (where known) and why (status and message).
 */
export interface FormUploads {
  readonly stored: Readonly<Record<string, string>>;
  readonly refused?: { readonly field?: string; readonly status: number; readonly message: string };
}

/** Stores the files a page's form carried, as `uploader`'s; stops at the first that is not taken. */
export async function storeFormUploads(request: Request, files: FileStorageService, uploader: { readonly actor: Actor; readonly name?: string }): Promise<FormUploads> {
  const upload = (request as UploadRequest).upload;
  if (upload?.error) return { stored: {}, refused: refusal(upload.error, upload.error.issues?.[0]?.path) };
  const stored: Record<string, string> = {};
  for (const [field, file] of Object.entries(upload?.files ?? {})) {
    try {
      stored[field] = (await files.store(file, uploader)).id;
    } catch (error) {
      if (error instanceof ApiError) return { stored, refused: refusal(error, field) };
      throw error;
    }
  }
  return { stored };
}

function refusal(error: ApiError, field: string | undefined): NonNullable<FormUploads['refused']> {
  return { ...(field ? { field } : {}), status: HTTP_STATUS[error.code], message: error.message };
}
