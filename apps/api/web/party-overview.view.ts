import type { PartyCasesView } from '../../../libs/contract';
import { longDate } from '../../../libs/format/swedish-dates';
import { html, type SafeHtml } from '../../../libs/html/html';
import { attachmentList } from './attachment-list.view';
import { page } from './layout';
import { statusLabel } from './swedish-format';

const ASKED: Record<PartyCasesView['items'][number]['askedOf'], string> = {
  decision: 'Politiskt beslut',
  answer: 'Remissvar',
  signature: 'Underskrift',
};

export interface PartyOverviewModel {
  readonly partyName: string;
  readonly organisation: string;
  readonly cases: PartyCasesView['items'];
  /** Each case's own response page for this party, by case id. */
  readonly answerLinks: Record<string, string>;
}

function caseItem(item: PartyCasesView['items'][number], link: string): SafeHtml {
  return html`<li class="party-case">
<h2><a href="${link}">${item.title}</a></h2>
<dl class="facts">
${item.reference ? html`<dt>Diarienummer</dt><dd>${item.reference}</dd>` : ''}
<dt>Det som begärs</dt><dd>${ASKED[item.askedOf]} (${item.processName.toLowerCase()})</dd>
${item.askedSince ? html`<dt>Begärt sedan</dt><dd>${longDate(item.askedSince)}</dd>` : ''}
<dt>Sista svarsdag</dt><dd>${item.deadline ? longDate(item.deadline) : 'Ingen angiven'}${item.overdue ? html` <span class="overdue">Försenat</span>` : ''}</dd>
<dt>Ert svar hittills</dt><dd><span class="status status-${item.status}">${statusLabel(item.status as Parameters<typeof statusLabel>[0])}</span>${item.scheduled ? html` till sammanträdet ${longDate(item.scheduled)}` : ''}</dd>
<dt>Alla parters svar</dt><dd>${item.answered.count} av ${item.answered.of} har svarat</dd>
${item.attachments.length > 0 ? html`<dt>Bilagor</dt><dd>${attachmentList(item.attachments, (fileId) => `${link}/filer/${fileId}`)}</dd>` : ''}
</dl>
<p><a class="button" href="${link}">Svara<span class="visually-hidden"> på ${item.title}</span></a></p>
</li>`;
}

/** A party's own page: everything that waits on it, overdue first; each case answered on its own page. */
export function partyOverviewPage(model: PartyOverviewModel): string {
  const { cases } = model;
  const overdue = cases.filter((item) => item.overdue).length;
  return page({
    title: `Väntar på svar från ${model.partyName}`,
    main: html`<p class="muted">${model.partyName}</p>
<h1>Det här väntar på svar från ${model.partyName}</h1>
${cases.length === 0
  ? html`<p class="lead">Inget ärende väntar på ert svar just nu.</p>`
  : html`<p class="lead">${cases.length === 1 ? '1 ärende väntar' : `${cases.length} ärenden väntar`} på ert svar${overdue > 0 ? html`, <strong>${overdue} av dem är försenade</strong>` : ''}. De försenade står först, sedan efter sista svarsdag.</p>
<ol class="party-cases">${cases.map((item) => caseItem(item, model.answerLinks[item.id]))}</ol>`}
<p>Länken till den här sidan gäller bara ${model.partyName}. Dela den bara med dem som rapporterar era beslut. Frågor: kontakta ${model.organisation}.</p>`,
  });
}
