import { dateTime } from '../format/swedish-dates';
import { html, type SafeHtml } from '../html/html';

/** One caught e-mail, as the outbox keeps and shows it. */
export interface CaughtMessage {
  readonly id: string;
  readonly receivedAt: string;
  /** The envelope's sender and recipients: who it really went to, Bcc included. */
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
}

export const OUTBOX_STYLESHEET = `
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b1b1b; background: #fff; line-height: 1.5; }
body { margin: 0; }
header, main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
header { border-bottom: 1px solid #b1b4b6; }
a { color: #0a5796; }
a:focus { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #1b1b1b; }
.muted { color: #4a4a4a; }
ol.messages { list-style: none; padding: 0; }
ol.messages > li { border: 1px solid #b1b4b6; border-radius: .35rem; padding: 0 1.25rem 1rem; margin: 0 0 1.25rem; }
h2 { font-size: 1.25rem; margin: 1rem 0 .5rem; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 .75rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; border-top: 1px solid #b1b4b6; padding-top: .75rem; }
`;

const TIME_ZONE = 'Europe/Stockholm';
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

/** The outbox page: every caught e-mail, newest first, its links clickable. */
export function outboxPage(messages: readonly CaughtMessage[], limit: number): string {
  return html`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Utkorg – Överens</title>
<link rel="stylesheet" href="/utkorg.css">
</head>
<body>
<header><p><strong>Överens</strong> – utvecklingsmiljö</p></header>
<main>
<h1>Utkorg</h1>
<p>E-post som Överens har skickat i den här utvecklingsmiljön. Inget har lämnat datorn: allt fångas här.
De ${limit} senaste sparas tills stacken startas om. Ladda om sidan för att se nya meddelanden.</p>
<p>${messages.length === 0 ? 'Inga meddelanden ännu.' : messages.length === 1 ? '1 meddelande, senaste först.' : `${messages.length} meddelanden, senaste först.`}</p>
${messages.length > 0 ? html`<ol class="messages">${messages.map(message)}</ol>` : ''}
</main>
</body>
</html>`.value;
}

function message(caught: CaughtMessage): SafeHtml {
  return html`<li><article aria-labelledby="meddelande-${caught.id}">
<h2 id="meddelande-${caught.id}">${caught.subject || '(ingen ämnesrad)'}</h2>
<dl>
<dt>Till</dt><dd>${caught.to.join(', ')}</dd>
<dt>Från</dt><dd>${caught.from}</dd>
<dt>Mottaget</dt><dd><time datetime="${caught.receivedAt}">${dateTime(caught.receivedAt, TIME_ZONE)}</time></dd>
</dl>
<div class="body">${linked(caught.text)}</div>
</article></li>`;
}

/** Plain text, escaped, with its web addresses as links. */
export function linked(text: string): SafeHtml {
  const parts: (SafeHtml | string)[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    // A sentence's full stop or a closing bracket after an address is not part of it.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    parts.push(text.slice(last, match.index), html`<a href="${url}">${url}</a>`);
    last = match.index + url.length;
  }
  parts.push(text.slice(last));
  return html`${parts}`;
}
