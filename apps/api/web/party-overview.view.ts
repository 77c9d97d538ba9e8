import type { PartyCasesView } from '../../../libs/contract';
import { genitive } from '../../../libs/format/body-names';
import { longDate } from '../../../libs/format/swedish-dates';
import { partyFileAddress } from '../../../libs/links/party-link';
import { html, type SafeHtml } from '../../../libs/html/html';
import { attachmentList } from './attachment-list.view';
import { page } from './layout';
import { errorSummary, textField } from './form-fields';
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
  readonly substitute: SubstituteForm;
}

/** The party's own substitute: who stands in now or next, and the form to name one. */
export interface SubstituteForm {
  readonly current: { readonly email: string; readonly from: string; readonly to: string } | null;
  readonly action: string;
  /** Just saved or removed. */
  readonly changed?: 'sparad' | 'borttagen';
  readonly values?: Record<string, string>;
  readonly errors?: Record<string, string>;
}

const SUBSTITUTE_LABELS: Record<string, string> = { email: 'Ersättarens e-postadress', from: 'Från och med', to: 'Till och med' };

function substituteSection(form: SubstituteForm, partyName: string): SafeHtml {
  const values = form.values ?? {};
  const errors = form.errors ?? {};
  const value = (name: 'email' | 'from' | 'to') => values[name] ?? form.current?.[name];
  return html`<section id="ersattare" aria-labelledby="ersattare-rubrik">
<h2 id="ersattare-rubrik">Ersättare under en period</h2>
${form.changed ? html`<div class="notice" role="status"><p>${form.changed === 'sparad' ? 'Ersättaren är sparad.' : 'Ersättaren är borttagen.'}</p></div>` : ''}
<p>Under till exempel semestern kan en ersättare få ${genitive(partyName)} e-post om ärendena, med länkarna, utöver de vanliga adresserna.
${form.current ? html`Nu: <strong>${form.current.email}</strong>, ${longDate(form.current.from)} – ${longDate(form.current.to)}.` : 'Ingen ersättare är angiven.'}</p>
${errorSummary(errors, SUBSTITUTE_LABELS, 'ersattare-')}
<form class="stacked" method="post" action="${form.action}" novalidate>
${textField({ name: 'email', idPrefix: 'ersattare-', label: SUBSTITUTE_LABELS.email, type: 'email', required: true, autocomplete: 'email', value: value('email'), error: errors.email })}
${textField({ name: 'from', idPrefix: 'ersattare-', label: SUBSTITUTE_LABELS.from, type: 'date', required: true, hint: 'ÅÅÅÅ-MM-DD', value: value('from'), error: errors.from })}
${textField({ name: 'to', idPrefix: 'ersattare-', label: SUBSTITUTE_LABELS.to, type: 'date', required: true, hint: 'ÅÅÅÅ-MM-DD', value: value('to'), error: errors.to })}
<button type="submit">Spara ersättaren</button>
</form>
${form.current
    ? html`<form method="post" action="${form.action}"><input type="hidden" name="remove" value="1"><button type="submit" class="secondary">Ta bort ersättaren</button></form>`
    : ''}
</section>`;
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
${item.attachments.length > 0 ? html`<dt>Bilagor</dt><dd>${attachmentList(item.attachments, (fileId) => partyFileAddress(link, fileId))}</dd>` : ''}
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
${substituteSection(model.substitute, model.partyName)}
<p>Länken till den här sidan gäller bara ${model.partyName}. Dela den bara med dem som rapporterar era beslut. Frågor: kontakta ${model.organisation}.</p>`,
  });
}
