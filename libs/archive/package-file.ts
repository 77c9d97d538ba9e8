import { createHash } from 'node:crypto';

/** A file of the package: where it lies from the package's root folder, its bytes and what they are. */
export interface PackageFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly mimeType: string;
}

/** A file with what a METS says of it: size and SHA-256. */
export interface DescribedFile extends PackageFile {
  readonly size: number;
  readonly sha256: string;
}

export function describe(file: PackageFile): DescribedFile {
  return { ...file, size: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}
