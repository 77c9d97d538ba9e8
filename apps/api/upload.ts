import type { Request, Response } from 'express';
import multer from 'multer';
import { ApiError } from './api-error';
import { tooLarge, type Upload } from './file-storage.service';

/** A multipart form as read: its one file (when one was chosen) and its other fields. */
export interface UploadForm {
  readonly file?: Upload;
  readonly fields: Record<string, unknown>;
}

/**
 * Reads a `multipart/form-data` request: at most one file, in the field `fileField`, and
 * a few short text fields. A form sent urlencoded is read as it was (no file). Errors are
 * the API's, in Swedish, and nothing is stored by reading.
 */
export function readUploadForm(request: Request, response: Response, fileField: string, maxBytes: number): Promise<UploadForm> {
  const parse = multer({
    storage: multer.memoryStorage(),
    // A Swedish file name (Protokollsutdrag Säter.pdf) arrives as UTF-8.
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: 1, fields: 60, fieldSize: 100_000, parts: 62, headerPairs: 100 },
  }).single(fileField);
  return new Promise((resolve, reject) => {
    parse(request, response, (error: unknown) => {
      if (error) return reject(uploadError(error, fileField, maxBytes));
      const file = (request as Request & { file?: Express.Multer.File }).file;
      const fields = (request.body ?? {}) as Record<string, unknown>;
      // A file input left empty sends a part with no name and no bytes: no file chosen.
      resolve(file && (file.size > 0 || file.originalname) ? { file: { name: file.originalname, content: file.buffer }, fields } : { fields });
    });
  });
}

export function isMultipart(request: Request): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

function uploadError(error: unknown, fileField: string, maxBytes: number): ApiError {
  if (error instanceof multer.MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return tooLarge(maxBytes);
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return new ApiError('validation', `Skicka en fil, i fältet ${fileField}.`);
      default:
        return new ApiError('validation', 'Formuläret har för många eller för långa fält.');
    }
  }
  return new ApiError('validation', 'Begäran kunde inte läsas som multipart/form-data.');
}
