import type { CaseView } from '../../../libs/contract';
import { findProcessDefinition } from '../../../libs/domain';
import { genitive } from '../../../libs/format/body-names';
import { html, type SafeHtml } from '../../../libs/html/html';
import { acceptAttribute, acceptedKinds } from '../../../libs/files';
import { sizeOf } from './attachment-list.view';
import { errorSummary, fileField, radioGroup, selectField, textArea, textField, type FieldErrors } from './form-fields';
import { DECISION_LABELS, decisionChoices, takesPosting } from './party-response.view';
import { statusLabel, type Naming } from './swedish-format';

export const CASE_ACTIONS = [
  'council',
  'network',
  'decision',
  'judgement',
  'revision',
  'deadline',
  'reminder',
  'posting',
  'appeal',
  'ruling',
  'termination',
  'follow-up',
  'attachment',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

type Answer = CaseView['parties'][number];
type Choice = { readonly value: string; readonly label: string };

/** One field of a step's form; its `name` is the field the step table's schema reads. */
type FieldSpec =
  | { readonly kind: 'outcome'; readonly legend: string; readonly choices: (view: CaseView) => Choice[] }
  | { readonly kind: 'party'; readonly empty?: string }
  | { readonly kind: 'parties'; readonly legend: string }
  | {
      readonly kind: 'date';
      readonly name: string;
      readonly label: string;
      readonly optional?: boolean;
      readonly hint?: string;
      /** Left out of cases whose process has no use for it. */
      readonly shownIf?: (view: CaseView) => boolean;
    }
  | { readonly kind: 'text'; readonly name: string; readonly label: string; readonly type?: 'url'; readonly hint?: string; readonly required?: boolean }
  | { readonly kind: 'note'; readonly label?: string; readonly hint?: string }
  | { readonly kind: 'file'; readonly name: string; readonly label: string; readonly optional?: boolean; readonly hint?: string }
  /** Which of the case's uploaded attachments a new file replaces, or none (a new attachment). */
  | { readonly kind: 'replaces' };

/**
 * A form on the case page for one kind of step. `offeredTo` answers from what can happen
 * now (`availableSteps` in the case view): the parties the form's party field offers, all
 * parties for a form about the case, or nothing when the case does not take the step.
 */
interface StepFormSpec {
  readonly action: CaseAction;
  readonly heading: (naming: Naming) => string;
  readonly hint?: (view: CaseView) => string;
  readonly submit: string;
  readonly offeredTo: (view: CaseView) => readonly Answer[] | undefined;
  readonly fields: readonly FieldSpec[];
}

const DATE_HINT = 'ÅÅÅÅ-MM-DD';

const COUNCIL_CHOICES: Record<string, string> = {
  recommend: 'Rekommenderar parterna att anta',
  'refer-back': 'Återremitterar till nätverket',
  reject: 'Avslår',
  table: 'Bordlägger till ett senare möte',
};

const NETWORK_CHOICES: Record<string, string> = {
  forward: 'Skickar vidare till rådet',
  adopt: 'Beslutar i ärendet',
  table: 'Bordlägger',
  withdraw: 'Återkallar ärendet',
  reject: 'Avslutar ärendet utan verkan',
  recall: 'Tar tillbaka ärendet från rådets dagordning',
  reopen: 'Tar upp det återkallade ärendet igen',
};

const RULING_CHOICES: Record<string, string> = {
  dismissed: 'Överklagandet avslogs: beslutet vinner laga kraft',
  annulled: 'Beslutet upphävdes: partens svar öppnas igen',
};

const JUDGEMENT_CHOICES: Record<string, string> = {
  identical: 'Likalydande: räknas som antaget',
  rejection: 'Inte likalydande: räknas som avslag',
};

const FOLLOW_UP_CHOICES: Record<string, string> = { done: 'Klart', reassign: 'Ny ansvarig eller nytt slutdatum' };

/** The outcomes the case takes now for a body's step (`council.recommend` → `recommend`), labelled. */
function outcomesNow(kind: 'council' | 'network' | 'follow-up' | 'ruling' | 'judgement', labels: Record<string, string>) {
  return (view: CaseView): Choice[] => {
    const now = view.availableSteps.filter((available) => available.step.startsWith(`${kind}.`)).map((available) => available.step.slice(kind.length + 1));
    return Object.entries(labels)
      .filter(([value]) => now.includes(value))
      .map(([value, label]) => ({ value, label }));
  };
}

/** The parties a step can be taken for now (and `keep`); undefined when the case does not take it for any. */
export function partiesNow(step: string, keep: (answer: Answer) => boolean = () => true) {
  return (view: CaseView): readonly Answer[] | undefined => {
    const available = view.availableSteps.find((candidate) => candidate.step === step);
    if (!available) return undefined;
    const parties = available.parties ? view.parties.filter((answer) => available.parties?.includes(answer.party)) : view.parties;
    const kept = parties.filter(keep);
    return kept.length > 0 ? kept : undefined;
  };
}

/** Every party when a body has outcomes to choose from now. */
function whenOutcomes(choices: (view: CaseView) => Choice[]) {
  return (view: CaseView): readonly Answer[] | undefined => (choices(view).length > 0 ? view.parties : undefined);
}

export const isOpen = (answer: Answer) => answer.status === 'pending' || answer.status === 'scheduled';

function bodyStep(kind: 'council' | 'network', choices: Record<string, string>): Pick<StepFormSpec, 'offeredTo' | 'fields'> {
  const outcomes = outcomesNow(kind, choices);
  return {
    offeredTo: whenOutcomes(outcomes),
    fields: [
      { kind: 'outcome', legend: 'Utfall', choices: outcomes },
      { kind: 'date', name: 'date', label: 'Sammanträdets datum' },
      { kind: 'note', hint: 'Varför, till exempel vad nätverket ska arbeta vidare med.' },
      {
        kind: 'date',
        name: 'untilMeeting',
        label: 'Till mötet',
        optional: true,
        hint: 'Vid återremiss eller bordläggning: mötet då ärendet ska tas upp igen. ÅÅÅÅ-MM-DD',
      },
    ],
  };
}

/** The coordinator's forms, in the order the page shows them. */
const STEP_FORMS: readonly StepFormSpec[] = [
  { action: 'council', heading: (naming) => `${genitive(naming.bodies.council)} ställningstagande`, submit: 'Registrera', ...bodyStep('council', COUNCIL_CHOICES) },
  { action: 'network', heading: (naming) => `${genitive(naming.bodies.network)} beslut`, submit: 'Registrera', ...bodyStep('network', NETWORK_CHOICES) },
  {
    action: 'revision',
    heading: () => 'Revidera och öppna beslut på nytt',
    hint: (view) => `Ny version av ärendet (nu version ${view.version}). De parter du väljer ombeds besluta på nytt; övriga behåller sina svar.`,
    submit: 'Revidera',
    offeredTo: (view) => (partiesNow('revision')(view) ? view.parties : undefined),
    fields: [
      { kind: 'parties', legend: 'Parter som beslutar på nytt' },
      { kind: 'date', name: 'date', label: 'Sammanträdets datum' },
      { kind: 'note', label: 'Vad ändrades' },
    ],
  },
  {
    action: 'decision',
    heading: () => 'Registrera ett beslut för en part',
    hint: () => 'När svaret kommit på annat sätt, till exempel med e-post.',
    submit: 'Registrera beslutet',
    offeredTo: partiesNow('decision'),
    fields: [
      { kind: 'party' },
      { kind: 'outcome', legend: DECISION_LABELS.outcome, choices: decisionChoices },
      { kind: 'date', name: 'date', label: DECISION_LABELS.date, hint: 'Beslutsdatum, eller sammanträdets datum om ärendet är planerat. ÅÅÅÅ-MM-DD' },
      { kind: 'text', name: 'body', label: DECISION_LABELS.body },
      { kind: 'text', name: 'paragraph', label: DECISION_LABELS.paragraph, hint: 'Till exempel § 45.' },
      { kind: 'text', name: 'partyReference', label: 'Partens diarienummer' },
      { kind: 'file', name: 'minutesFile', label: DECISION_LABELS.minutesFile, optional: true },
      { kind: 'text', name: 'minutesUrl', label: DECISION_LABELS.minutesUrl, type: 'url', hint: 'Om utdraget i stället finns på webben: en adress som börjar med https://' },
      { kind: 'date', name: 'postedOn', label: DECISION_LABELS.postedOn, optional: true, hint: 'Om det är känt. ÅÅÅÅ-MM-DD', shownIf: takesPosting },
      { kind: 'note' },
    ],
  },
  {
    action: 'judgement',
    heading: () => 'Bedöm ett beslut med ändringar',
    hint: () => 'Alla parter ska fatta likalydande beslut. Bedöm om beslutet med ändringar eller reservation ändå är samma beslut.',
    submit: 'Registrera bedömningen',
    offeredTo: partiesNow('judgement.identical'),
    fields: [
      { kind: 'party' },
      { kind: 'outcome', legend: 'Bedömning', choices: outcomesNow('judgement', JUDGEMENT_CHOICES) },
      { kind: 'date', name: 'date', label: 'Datum' },
      { kind: 'note', hint: 'Vad skiljer, och varför det spelar roll eller inte.' },
    ],
  },
  {
    action: 'reminder',
    heading: () => 'Påminn nu',
    hint: () => 'Skickar e-post med partens egen länk till partens kontaktadresser.',
    submit: 'Skicka påminnelse',
    // Reminders go to the parties the case waits on, on cases that send them.
    offeredTo: (view) => {
      const open = view.parties.filter(isOpen);
      return view.reminders !== null && view.waitingOn.some((id) => open.some((answer) => answer.party === id)) ? open : undefined;
    },
    fields: [{ kind: 'party', empty: 'Alla som inte har svarat' }],
  },
  {
    action: 'deadline',
    heading: () => 'Flytta sista svarsdag',
    hint: () => 'Påminnelserna följer den nya dagen. Ärendet fortsätter som förut.',
    submit: 'Flytta',
    offeredTo: partiesNow('deadline'),
    fields: [{ kind: 'date', name: 'deadline', label: 'Ny sista svarsdag' }, { kind: 'party', empty: 'Alla parter' }, { kind: 'note' }],
  },
  {
    action: 'posting',
    heading: () => 'Anslag av protokoll',
    hint: () => 'Beslutet vinner laga kraft tre veckor efter att protokollet anslogs, om det inte överklagas.',
    submit: 'Registrera anslaget',
    offeredTo: partiesNow('posting', (answer) => answer.postedOn === null),
    fields: [{ kind: 'party' }, { kind: 'date', name: 'postedOn', label: 'Protokollet anslogs' }],
  },
  {
    action: 'appeal',
    heading: () => 'Överklagande',
    hint: (view) =>
      findProcessDefinition(view.process.id, view.process.version)?.appeals === 'court'
        ? 'Beslutet gäller men vinner inte laga kraft förrän förvaltningsrätten avgjort målet. Bara om domstolen upphäver beslutet öppnas partens svar igen.'
        : 'Partens svar öppnas igen och ärendet väntar på ett nytt beslut från parten.',
    submit: 'Registrera överklagandet',
    offeredTo: partiesNow('appeal'),
    fields: [{ kind: 'party' }, { kind: 'date', name: 'date', label: 'Överklagandet kom in' }, { kind: 'note' }],
  },
  {
    action: 'ruling',
    heading: () => 'Domstolens avgörande',
    submit: 'Registrera avgörandet',
    offeredTo: (view) => {
      const awaitingCourt = view.parties.filter((answer) => answer.appealedOn);
      return awaitingCourt.length > 0 && outcomesNow('ruling', RULING_CHOICES)(view).length > 0 ? awaitingCourt : undefined;
    },
    fields: [
      { kind: 'party' },
      { kind: 'outcome', legend: 'Utfall', choices: () => Object.entries(RULING_CHOICES).map(([value, label]) => ({ value, label })) },
      { kind: 'date', name: 'date', label: 'Domens datum' },
      { kind: 'note' },
    ],
  },
  {
    action: 'termination',
    heading: () => 'Uppsägning',
    submit: 'Registrera uppsägningen',
    offeredTo: partiesNow('termination'),
    fields: [{ kind: 'party' }, { kind: 'date', name: 'date', label: 'Uppsagt den' }, { kind: 'note' }],
  },
  {
    action: 'follow-up',
    heading: () => 'Uppföljningsuppdraget',
    submit: 'Registrera',
    offeredTo: whenOutcomes(outcomesNow('follow-up', FOLLOW_UP_CHOICES)),
    fields: [
      { kind: 'outcome', legend: 'Utfall', choices: () => Object.entries(FOLLOW_UP_CHOICES).map(([value, label]) => ({ value, label })) },
      { kind: 'date', name: 'date', label: 'Datum' },
      { kind: 'text', name: 'owner', label: 'Ansvarig' },
      { kind: 'date', name: 'due', label: 'Nytt slutdatum', optional: true },
      { kind: 'note' },
    ],
  },
  {
    action: 'attachment',
    heading: () => 'Lägg till eller ersätt en bilaga',
    hint: () => 'Filen sparas hos ärendet, och parterna hämtar den med sina egna länkar. En ny version ersätter den gamla i listan; den gamla finns kvar under tidigare versioner.',
    submit: 'Spara bilagan',
    offeredTo: (view) => (partiesNow('attachment')(view) ? view.parties : undefined),
    fields: [
      { kind: 'file', name: 'file', label: 'Fil' },
      { kind: 'text', name: 'title', label: 'Bilagans namn', required: true, hint: 'Till exempel Bilaga 10 Underlag. Vid en ny version: samma namn eller ett nytt.' },
      { kind: 'replaces' },
      { kind: 'date', name: 'date', label: 'Dokumentets datum' },
      { kind: 'note', label: 'Vad är nytt', hint: 'Vid en ny version: vad som ändrats, till exempel nytt underlag.' },
    ],
  },
];

export interface StepFormsModel {
  readonly view: CaseView;
  readonly naming: Naming;
  readonly csrfToken: string;
  readonly requestId: string;
  readonly failed?: { action: CaseAction; values: Record<string, string>; errors: FieldErrors; keptFile?: { id: string; name: string } };
  /** The largest file a form takes, in bytes. */
  readonly maxFileBytes: number;
}

/** The forms for every step the case takes now, each with what was wrong when it came back refused. */
export function stepForms(model: StepFormsModel): SafeHtml[] {
  return STEP_FORMS.flatMap((spec) => {
    const parties = spec.offeredTo(model.view);
    return parties ? [stepForm(model, spec, parties)] : [];
  });
}

function stepForm(model: StepFormsModel, spec: StepFormSpec, parties: readonly Answer[]): SafeHtml {
  const { view, naming } = model;
  const failed = model.failed?.action === spec.action ? model.failed : undefined;
  const prefix = `${spec.action}-`;
  const value = (name: string) => failed?.values[name];
  const error = (name: string) => failed?.errors[name];
  const field = (spec: FieldSpec): SafeHtml | '' => {
    switch (spec.kind) {
      case 'outcome':
        return radioGroup({ name: 'outcome', legend: spec.legend, choices: spec.choices(view), value: value('outcome'), error: error('outcome'), idPrefix: prefix });
      case 'party':
        return selectField({
          name: 'party',
          label: 'Part',
          value: value('party'),
          error: error('party'),
          idPrefix: prefix,
          choices: parties.map((answer) => ({ value: answer.party, label: naming.of(answer.party) })),
          ...(spec.empty ? { empty: spec.empty } : {}),
        });
      case 'parties':
        return html`<fieldset class="field${error('parties') ? ' invalid' : ''}">
<legend>${spec.legend}</legend>
${error('parties') ? html`<p class="field-error">${error('parties')}</p>` : ''}
${parties.map(
  (answer) =>
    html`<div class="choice"><input type="checkbox" id="${prefix}part-${answer.party}" name="parties" value="${answer.party}"><label for="${prefix}part-${answer.party}">${naming.of(answer.party)} <span class="muted">(${statusLabel(answer.status).toLowerCase()})</span></label></div>`,
)}
</fieldset>`;
      case 'date':
        if (spec.shownIf && !spec.shownIf(view)) return '';
        return textField({ name: spec.name, label: spec.label, type: 'date', required: !spec.optional, value: value(spec.name), error: error(spec.name), idPrefix: prefix, hint: spec.hint ?? DATE_HINT });
      case 'text':
        return textField({ name: spec.name, label: spec.label, required: spec.required ?? false, ...(spec.type ? { type: spec.type } : {}), value: value(spec.name), error: error(spec.name), idPrefix: prefix, ...(spec.hint ? { hint: spec.hint } : {}) });
      case 'note':
        return textArea({ name: 'note', label: spec.label ?? 'Anteckning', value: value('note'), error: error('note'), idPrefix: prefix, ...(spec.hint ? { hint: spec.hint } : {}) });
      case 'file':
        return fileField({
          name: spec.name,
          label: spec.label,
          required: !spec.optional,
          accept: acceptAttribute(),
          error: error(spec.name),
          idPrefix: prefix,
          hint: `${spec.hint ? `${spec.hint} ` : ''}${acceptedKinds()}; högst ${sizeOf(model.maxFileBytes)}.`,
          ...(failed?.keptFile ? { kept: failed.keptFile } : {}),
        });
      case 'replaces':
        return selectField({
          name: 'replaces',
          label: 'Ersätter',
          value: value('replaces'),
          error: error('replaces'),
          idPrefix: prefix,
          empty: 'Ingen: en ny bilaga',
          choices: view.attachments.flatMap((attachment, index) =>
            attachment.file ? [{ value: String(index + 1), label: `Bilaga ${index + 1}: ${attachment.title}` }] : [],
          ),
        });
    }
  };
  const takesFile = spec.fields.some((candidate) => candidate.kind === 'file');
  return html`<section aria-labelledby="${spec.action}-rubrik">
<h3 id="${spec.action}-rubrik">${spec.heading(naming)}</h3>
${failed ? errorSummary(failed.errors, labelsOf(spec), prefix) : ''}
<form method="post" action="/arenden/${view.id}/${spec.action}"${takesFile ? html` enctype="multipart/form-data"` : ''} novalidate>
<input type="hidden" name="_csrf" value="${model.csrfToken}">
<input type="hidden" name="requestId" value="${model.requestId}-${spec.action}">
${spec.hint ? html`<p class="hint">${spec.hint(view)}</p>` : ''}
${spec.fields.map(field)}
<button type="submit">${spec.submit}</button>
</form>
</section>`;
}

/** What the error summary calls each field: the label the form shows. */
function labelsOf(spec: StepFormSpec): Record<string, string> {
  return Object.fromEntries(
    spec.fields.map((field) => {
      switch (field.kind) {
        case 'outcome':
          return ['outcome', field.legend];
        case 'party':
          return ['party', 'Part'];
        case 'parties':
          return ['parties', field.legend];
        case 'note':
          return ['note', field.label ?? 'Anteckning'];
        case 'replaces':
          return ['replaces', 'Ersätter'];
        default:
          return [field.name, field.label];
      }
    }),
  );
}
