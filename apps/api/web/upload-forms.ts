import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor } from '../../../libs/domain';
import { ApiError, HTTP_STATUS } from '../api-error';
import type { FileStorageService, Upload } from '../file-storage.service';
import { isMultipart, readUploadForm } from '../upload';

/** The pages' forms that carry a file, and the field each carries it in. */
const UPLOAD_FORMS: readonly { readonly path: RegExp; readonly field: string }[] = [
  { path: /^\/arenden\/[^/]+\/attachment$/, field: 'file' },
  { path: /^\/arenden\/[^/]+\/decision$/, field: 'minutesFile' },
  { path: /^\/svar\/[^/]+\/[^/]+\/[^/]+$/, field: 'minutesFile' },
];

type UploadRequest = Request & { upload?: { readonly file?: Upload; readonly error?: ApiError } };

/**
 * Reads the pages' multipart forms before the guards run, so that a form's CSRF token
 * and fields are in the body as for any other form. What went wrong with the file is
 * kept for the page to show beside the file field, not thrown.
 */
export function uploadForms(maxBytes: number): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const form = request.method === 'POST' && isMultipart(request) ? UPLOAD_FORMS.find((candidate) => candidate.path.test(request.path)) : undefined;
    if (!form) return next();
    readUploadForm(request, response, form.field, maxBytes).then(
      (read) => {
        request.body = read.fields;
        (request as UploadRequest).upload = read.file ? { file: read.file } : {};
        next();
      },
      (error: unknown) => {
        request.body ??= {};
        (request as UploadRequest).upload = { error: error instanceof ApiError ? error : new ApiError('validation', 'Filen kunde inte läsas.') };
        next();
      },
    );
  };
}

/** What became of a form's file: stored (its id), none chosen, or why it was not taken (status and message). */
export type FormUpload = { readonly fileId?: string } | { readonly status: number; readonly message: string };

/** Stores the file a page's form carried, if any, as `uploader`'s. */
export async function storeFormUpload(request: Request, files: FileStorageService, uploader: { readonly actor: Actor; readonly name?: string }): Promise<FormUpload> {
  const upload = (request as UploadRequest).upload;
  if (upload?.error) return refused(upload.error);
  if (!upload?.file) return {};
  try {
    return { fileId: (await files.store(upload.file, uploader)).id };
  } catch (error) {
    if (error instanceof ApiError) return refused(error);
    throw error;
  }
}

function refused(error: ApiError): FormUpload {
  return { status: HTTP_STATUS[error.code], message: error.message };
}
