import { html, type SafeHtml } from '../../../libs/html/html';
import { genitive, type BodyNames } from '../../../libs/format/body-names';
import { page } from './layout';

export function homePage(names: BodyNames): string {
  return page({
    title: 'Start',
    main: html`<h1>Överens</h1>
<p class="lead">Gemensamma beslut mellan regionen och länets kommuner: från ${genitive(names.network)} beslut,
via ${genitive(names.council)} rekommendation, till varje parts politiska beslut.</p>
<p><a class="button" href="/logga-in">Logga in som samordnare</a></p>
<p>Är du registrator eller nämndsekreterare hos en part? Använd länken i e-postmeddelandet från ${names.organisation} för att rapportera ert beslut.</p>
<p><a href="/api/docs">API-dokumentation</a> för system som ska kopplas till Överens.</p>`,
  });
}

/** Where people reach whoever runs the service about accessibility: DIGG's template requires a way. */
export interface AccessibilityContact {
  readonly email?: string;
  readonly phone?: string;
}

function contactChannel(contact: AccessibilityContact): SafeHtml {
  if (!contact.email && !contact.phone) {
    return html`<p><strong>Kontaktvägen är inte inlagd ännu.</strong> Den som driver Överens ska ange en e-postadress
eller ett telefonnummer för tillgänglighetsfrågor här. Fram till dess: kontakta samordnaren som skickade länken till er.</p>`;
  }
  return html`<ul class="contact">
${contact.email ? html`<li>E-post: <a href="mailto:${contact.email}">${contact.email}</a></li>` : ''}
${contact.phone ? html`<li>Telefon: <a href="tel:${contact.phone.replace(/[^+\d]/g, '')}">${contact.phone}</a></li>` : ''}
</ul>`;
}

export function accessibilityStatementPage(contact: AccessibilityContact, names: BodyNames): string {
  return page({
    title: 'Tillgänglighetsredogörelse',
    main: html`<h1>Tillgänglighetsredogörelse</h1>
<p class="lead">${names.organisation} står bakom den här tjänsten. Vi vill att så många som möjligt ska kunna använda den.
Här beskriver vi hur Överens uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service,
kända tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.</p>
<h2>Hur tillgänglig är tjänsten?</h2>
<p>Tjänsten är gjord för att uppfylla WCAG 2.1 på nivå AA. Sidorna fungerar utan JavaScript, med tangentbord och
med skärmläsare. Fel i formulär visas vid respektive fält och samlat överst. Statusar visas alltid som text, aldrig
bara som färg. Varje sida kontrolleras automatiskt med verktyget axe innan en ny version släpps.</p>
<h2>Kända brister</h2>
<p>Matrisen med alla ärenden och parter är bred och kräver vågrät rullning på små skärmar; ärendets kolumn står kvar när man rullar, och med många parter visas de 20 i taget. Samma uppgifter finns
per ärende på ärendesidan och kan laddas ner som CSV-fil.</p>
<h2>Vad kan du göra om du inte kan använda delar av tjänsten?</h2>
<p>Kontakta oss så hjälper vi dig att lämna ert svar på annat sätt, till exempel med e-post.</p>
${contactChannel(contact)}
<h2>Rapportera brister</h2>
<p>Vi strävar hela tiden efter att förbättra tjänstens tillgänglighet. Om du upptäcker problem som inte beskrivs här,
eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.</p>
${contactChannel(contact)}
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital
offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.</p>
<h2>Hur vi testat tjänsten</h2>
<p>Vi har själva granskat tjänsten. Varje sida testas automatiskt med axe i webbläsaren Chromium vid varje ändring.
Redogörelsen uppdaterades senast den 22 november 2026.</p>`,
  });
}
