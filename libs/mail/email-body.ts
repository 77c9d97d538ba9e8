import { html, type SafeHtml } from '../html/html';

/** A composed e-mail, before it is addressed. */
export interface ComposedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** An e-mail's words, written once and rendered both as plain text and as HTML. */
export interface EmailContent {
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  /** Label and value pairs, e.g. the case's title and registry number. */
  readonly facts: readonly (readonly [string, string])[];
  readonly link: { readonly label: string; readonly url: string };
  /** A second address after the first, e.g. the party's overview beside the case's page. */
  readonly alsoLink?: { readonly label: string; readonly url: string };
  readonly afterLink: readonly string[];
  readonly signature: readonly string[];
  readonly footer: string;
}

export function renderText(content: EmailContent): string {
  return [
    content.greeting,
    ...content.paragraphs,
    content.facts.map(([label, value]) => `${label}: ${value}`).join('\n'),
    `${content.link.label}:\n${content.link.url}`,
    content.alsoLink ? `${content.alsoLink.label}:\n${content.alsoLink.url}` : '',
    ...content.afterLink,
    content.signature.join('\n'),
    `-- \n${content.footer}`,
  ]
    .filter((block) => block !== '')
    .join('\n\n')
    .concat('\n');
}

/** Plain, semantic HTML: readable without styles, in mail clients that strip them. */
export function renderHtml(subject: string, content: EmailContent): string {
  return html`<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>${subject}</title></head>
<body>
<p>${content.greeting}</p>
${content.paragraphs.map((paragraph) => html`<p>${lines(paragraph)}</p>\n`)}
${content.facts.length > 0 ? html`<table>${content.facts.map(([label, value]) => html`<tr><th scope="row" align="left">${label}</th><td>${value}</td></tr>`)}</table>` : ''}
<p><a href="${content.link.url}">${content.link.label}</a></p>
${content.alsoLink ? html`<p><a href="${content.alsoLink.url}">${content.alsoLink.label}</a></p>` : ''}
${content.afterLink.map((paragraph) => html`<p>${paragraph}</p>\n`)}
<p>${content.signature.map((line, index) => (index === 0 ? html`${line}` : html`<br>${line}`))}</p>
<hr>
<p><small>${content.footer}</small></p>
</body>
</html>
`.value;
}

/** A paragraph's own line breaks kept in HTML (a letter's lines, a list of attachments). */
function lines(paragraph: string): SafeHtml[] {
  return paragraph.split('\n').map((line, index) => (index === 0 ? html`${line}` : html`<br>${line}`));
}
