import aws4 from 'aws4';
import { createHash } from 'node:crypto';

/** An S3-compatible bucket: MinIO, Ceph, Garage, a cloud's own. Path-style addresses, signed with AWS Signature V4. */
export interface ObjectStorageSettings {
  /** The server's base address, e.g. https://s3.example.se. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Puts and gets whole objects in one bucket. Files are at most tens of megabytes: one request each. */
export class ObjectStorage {
  private readonly base: URL;

  constructor(private readonly settings: ObjectStorageSettings) {
    this.base = new URL(settings.endpoint.replace(/\/+$/, '') + '/');
  }

  async put(key: string, content: Buffer, mediaType: string): Promise<void> {
    const response = await this.send('PUT', key, content, { 'Content-Type': mediaType });
    if (!response.ok) throw new Error(`Objektlagringen tog inte emot ${key}: HTTP ${response.status} ${await response.text()}`);
  }

  /** The object's bytes, or undefined when the bucket has no such object. */
  async get(key: string): Promise<Buffer | undefined> {
    const response = await this.send('GET', key);
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`Objektlagringen lämnade inte ut ${key}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  private send(method: 'GET' | 'PUT', key: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Response> {
    const path = `${this.base.pathname}${encodeURIComponent(this.settings.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    const signed = aws4.sign(
      {
        host: this.base.host,
        method,
        path,
        service: 's3',
        region: this.settings.region,
        ...(body ? { body } : {}),
        headers: { ...headers, 'X-Amz-Content-Sha256': createHash('sha256').update(body ?? Buffer.alloc(0)).digest('hex') },
      },
      { accessKeyId: this.settings.accessKeyId, secretAccessKey: this.settings.secretAccessKey },
    );
    return fetch(new URL(path, this.base), {
      method,
      headers: signed.headers as Record<string, string>,
      ...(body ? { body: new Uint8Array(body) } : {}),
      signal: AbortSignal.timeout(60_000),
    });
  }
}
