import type { Request, Response } from 'express';
import multer from 'multer';
import { ApiError } from './api-error';
import { tooLarge, type Upload } from './file-storage.service';

/** A multipart form as read: its files by field (those where one was chosen), and its other fields. */
export interface UploadForm {
  readonly files: Readonly<Record<string, Upload>>;
  readonly fields: Record<string, unknown>;
}

/**
 * Reads a `multipart/form-data` request: at most one file in each of `fileFields`, and a
 * few short text fields. A form sent urlencoded is read as it was (no files). Errors are
 * the API's, in Swedish, and nothing is stored by reading.
 */
export function readUploadForm(request: Request, response: Response, fileFields: readonly string[], maxBytes: number): Promise<UploadForm> {
  const parse = multer({
    storage: multer.memoryStorage(),
    // A Swedish file name (Protokollsutdrag Säter.pdf) arrives as UTF-8.
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: fileFields.length, fields: 100, fieldSize: 100_000, parts: 100 + fileFields.length, headerPairs: 100 },
  }).fields(fileFields.map((name) => ({ name, maxCount: 1 })));
  return new Promise((resolve, reject) => {
    parse(request, response, (error: unknown) => {
      if (error) return reject(uploadError(error, fileFields, maxBytes));
      const sent = ((request as Request & { files?: Record<string, Express.Multer.File[]> }).files ?? {}) as Record<string, Express.Multer.File[]>;
      const files: Record<string, Upload> = {};
      for (const [field, [file]] of Object.entries(sent)) {
        // A file input left empty sends a part with no name and no bytes: no file chosen.
        if (file && (file.size > 0 || file.originalname)) files[field] = { name: file.originalname, content: file.buffer };
      }
      resolve({ files, fields: (request.body ?? {}) as Record<string, unknown> });
    });
  });
}

export function isMultipart(request: Request): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

function uploadError(error: unknown, fileFields: readonly string[], maxBytes: number): ApiError {
  if (error instanceof multer.MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE': {
        const tooBig = tooLarge(maxBytes);
        return new ApiError(tooBig.code, tooBig.message, error.field ? [{ path: error.field, message: tooBig.message }] : undefined);
      }
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return new ApiError('validation', `Skicka en fil i ${fileFields.length === 1 ? `fältet ${fileFields[0]}` : 'vart och ett av filfälten'}.`);
      default:
        return new ApiError('validation', 'Formuläret har för många eller för långa fält.');
    }
  }
  return new ApiError('validation', 'Begäran kunde inte läsas som multipart/form-data.');
}
