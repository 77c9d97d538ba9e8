/**
 * The kinds of file a case takes: documents a public body writes and registers. A file
 * is known by its content's first bytes and its name's ending together, never by the
 * type a browser claims, so a renamed program is not taken for a PDF.
 */
export interface FileKind {
  readonly mediaType: string;
  /** What the pages call it. */
  readonly label: string;
  readonly extensions: readonly string[];
  readonly matches: (head: Buffer) => boolean;
}

const startsWith = (signature: readonly number[]) => (head: Buffer) => signature.every((byte, index) => head[index] === byte);
const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);
const OLE = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export const FILE_KINDS: readonly FileKind[] = [
  { mediaType: 'application/pdf', label: 'PDF', extensions: ['pdf'], matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', extensions: ['docx'], matches: ZIP },
  { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel', extensions: ['xlsx'], matches: ZIP },
  { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint', extensions: ['pptx'], matches: ZIP },
  { mediaType: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument-text', extensions: ['odt'], matches: ZIP },
  { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument-kalkylark', extensions: ['ods'], matches: ZIP },
  { mediaType: 'application/msword', label: 'Word (äldre)', extensions: ['doc'], matches: OLE },
  { mediaType: 'application/vnd.ms-excel', label: 'Excel (äldre)', extensions: ['xls'], matches: OLE },
  { mediaType: 'image/png', label: 'PNG-bild', extensions: ['png'], matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: 'image/jpeg', label: 'JPEG-bild', extensions: ['jpg', 'jpeg'], matches: startsWith([0xff, 0xd8, 0xff]) },
  { mediaType: 'text/plain', label: 'text', extensions: ['txt'], matches: isPlainText },
];

/** The kind of a file from its name and its first bytes; undefined when it is none the case takes. */
export function fileKindOf(name: string, content: Buffer): FileKind | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!extension) return undefined;
  const head = content.subarray(0, 4096);
  return FILE_KINDS.find((kind) => kind.extensions.includes(extension) && kind.matches(head));
}

/** What the pages say the case takes, e.g. "PDF, Word, Excel …". */
export function acceptedKinds(): string {
  return [...new Set(FILE_KINDS.map((kind) => kind.extensions.map((extension) => extension.toUpperCase()).join('/')))].join(', ');
}

/** The `accept` attribute of a file input. */
export function acceptAttribute(): string {
  return FILE_KINDS.flatMap((kind) => kind.extensions.map((extension) => `.${extension}`)).join(',');
}

function isPlainText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    // As a stream: a character cut off at the head's end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A file name as it may be shown and sent back: no folders, no control characters, at
 * most 200 characters with its ending kept.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').replace(/\s+/g, ' ').trim();
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ending = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ending.length) + ending;
}
