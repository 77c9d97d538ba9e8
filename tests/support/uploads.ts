import { createHash } from 'node:crypto';
import type { TestApi } from './test-stack';

/** A small, well-formed PDF whose content says `text`. */
export function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
}

/** `POST /api/files` as a browser or an integration sends it: multipart, the file in `file`. */
export async function uploadFile(api: TestApi, bytes: Buffer, name: string, bearer = api.token): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${bearer}` }, body: form });
  return { status: response.status, body: await response.json() };
}

/** SHA-256 of bytes, hex: as the API reports a file's checksum. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
