import type { AttachmentView, FileView } from '../../../libs/contract';
import { longDate } from '../../../libs/format/swedish-dates';
import { html, type SafeHtml } from '../../../libs/html/html';

/** Where a reader fetches an uploaded file: the coordinator's address, or one under the party's own link. */
export type FileHref = (fileId: string) => string;

/** "PDF, 1,2 MB": what a file is, before it is opened. */
export function fileFacts(file: FileView): string {
  return `${kindOf(file)}, ${sizeOf(file.size)}`;
}

/** The case's attachments, numbered as the case numbers them, each file with its version and what it replaced. */
export function attachmentList(attachments: readonly AttachmentView[], href: FileHref): SafeHtml {
  return html`<ol class="attachments">${attachments.map((attachment) => html`<li>${attachmentItem(attachment, href)}</li>`)}</ol>`;
}

function attachmentItem(attachment: AttachmentView, href: FileHref): SafeHtml {
  if (!attachment.file) return html`<a href="${attachment.url ?? ''}">${attachment.title}</a>`;
  const version = attachment.version ?? 1;
  return html`<a href="${href(attachment.file.id)}" download>${attachment.title}</a> <span class="muted">(${fileFacts(attachment.file)})</span>
${version > 1 || attachment.note
    ? html`<br><span class="hint">Version ${version}${attachment.date ? html`, ${longDate(attachment.date)}` : ''}${attachment.note ? html`: ${attachment.note}` : ''}</span>`
    : ''}
${attachment.earlier.length > 0
    ? html`<details><summary>Tidigare versioner<span class="visually-hidden"> av ${attachment.title}</span></summary><ul>${attachment.earlier.map(
        (earlier) => html`<li><a href="${href(earlier.file.id)}" download>Version ${earlier.version}</a>, ${longDate(earlier.date)}${earlier.note ? html`: ${earlier.note}` : ''} <span class="muted">(${fileFacts(earlier.file)})</span></li>`,
      )}</ul></details>`
    : ''}`;
}

function kindOf(file: FileView): string {
  const ending = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1];
  return ending ? ending.toUpperCase() : 'Fil';
}

/** Bytes as a Swedish reader counts them: "820 kB", "1,2 MB". */
export function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
}
