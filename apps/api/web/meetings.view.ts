import type { CaseView } from '../../../libs/contract';
import type { Meeting, MeetingBody } from '../../../libs/persistence';
import { genitive } from '../../../libs/format/body-names';
import { longDate } from '../../../libs/format/swedish-dates';
import { html, type SafeHtml } from '../../../libs/html/html';
import { errorSummary, selectField, textField } from './form-fields';
import { page, type SignedInCoordinator } from './layout';
import { minutesSentence, type Naming } from './swedish-format';

export interface MeetingsModel {
  readonly meetings: readonly Meeting[];
  /** What goes to each body's next meeting: the cases waiting on it, and (for the network) those waiting on parties. */
  readonly agenda: Readonly<Record<MeetingBody, readonly CaseView[]>>;
  readonly followUps: readonly CaseView[];
  readonly coordinator: SignedInCoordinator;
  readonly naming: Naming;
  readonly saved?: string;
  readonly failed?: { readonly values: Record<string, string>; readonly error: string };
}

/** The meeting calendar of both bodies, and what goes to each one's next meeting. */
export function meetingsPage(model: MeetingsModel): string {
  const { naming } = model;
  const bodyName = (body: MeetingBody) => (body === 'network' ? naming.bodies.network : naming.bodies.council);
  const next = (body: MeetingBody) => model.meetings.find((meeting) => meeting.body === body);
  const agendaFor = (body: MeetingBody): SafeHtml => {
    const meeting = next(body);
    const cases = model.agenda[body];
    return html`<section aria-labelledby="dagordning-${body}">
<h2 id="dagordning-${body}">Till ${genitive(bodyName(body))} nästa möte${meeting ? html`, ${longDate(meeting.date)}` : ''}</h2>
${meeting ? '' : html`<p class="hint">Inget kommande möte i kalendern.</p>`}
${cases.length === 0
  ? html`<p>Inget ärende väntar på ${bodyName(body)}.</p>`
  : html`<ul>${cases.map(
      (view) =>
        html`<li><a href="/arenden/${view.id}">${view.title}</a>${view.reference ? ` (${view.reference})` : ''}${lastUntilMeeting(view) && meeting && lastUntilMeeting(view) === meeting.date ? html` <span class="muted">– åter till det här mötet</span>` : ''}</li>`,
    )}</ul>`}
${body === 'network' && model.followUps.length > 0
  ? html`<h3>Information: beslut som inte har kommit in</h3><ul>${model.followUps.map(
      (view) => html`<li><a href="/arenden/${view.id}">${view.title}</a>: ${minutesSentence(view.waitingOn, naming)}</li>`,
    )}</ul>`
  : ''}
</section>`;
  };
  return page({
    title: model.failed ? 'Fel i formuläret – Möten' : 'Möten',
    current: '/moten',
    coordinator: model.coordinator,
    main: html`<h1>Möten</h1>
${model.saved ? html`<div class="notice" role="status"><p>${model.saved}</p></div>` : ''}
${agendaFor('network')}
${agendaFor('council')}
<h2>Kalender</h2>
${model.meetings.length === 0
  ? html`<p>Inga kommande möten.</p>`
  : html`<div class="table-scroll"><table>
<thead><tr><th scope="col">Datum</th><th scope="col">Möte</th><th scope="col"><span class="visually-hidden">Ta bort</span></th></tr></thead>
<tbody>${model.meetings.map(
      (meeting) => html`<tr><td>${longDate(meeting.date)}</td><td>${bodyName(meeting.body)}</td><td>
<form class="inline" method="post" action="/moten/ta-bort"><input type="hidden" name="_csrf" value="${model.coordinator.csrfToken}"><input type="hidden" name="body" value="${meeting.body}"><input type="hidden" name="date" value="${meeting.date}"><button type="submit" class="secondary">Ta bort<span class="visually-hidden"> ${bodyName(meeting.body)} ${longDate(meeting.date)}</span></button></form></td></tr>`,
    )}</tbody></table></div>`}
<section aria-labelledby="nytt-mote">
<h2 id="nytt-mote">Lägg till ett möte</h2>
${model.failed ? errorSummary({ date: model.failed.error }, { date: 'Datum' }, 'mote-') : ''}
<form method="post" action="/moten" novalidate>
<input type="hidden" name="_csrf" value="${model.coordinator.csrfToken}">
${selectField({ name: 'body', label: 'Möte', idPrefix: 'mote-', value: model.failed?.values.body, choices: [{ value: 'network', label: naming.bodies.network }, { value: 'council', label: naming.bodies.council }] })}
${textField({ name: 'date', label: 'Datum', type: 'date', required: true, idPrefix: 'mote-', value: model.failed?.values.date, error: model.failed?.error, hint: 'ÅÅÅÅ-MM-DD' })}
<button type="submit">Lägg till</button>
</form>
</section>`,
  });
}

/** The meeting the case's latest send-back or tabling named, if any. */
function lastUntilMeeting(view: CaseView): string | undefined {
  return [...view.history].reverse().find((entry) => entry.untilMeeting)?.untilMeeting;
}
