import { findStepForm, partyId, type StepReading } from '../../../libs/contract';
import { html, type SafeHtml } from '../../../libs/html/html';

/** Errors by field name, as from a zod schema's issues. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const name = issue.path.map(String).join('.') || '_form';
    errors[name] ??= issue.message;
  }
  return errors;
}

/**
 * A step's form read with the API's own table and schema (libs/contract/step-kinds): for
 * steps whose party the API takes from the path, the form's `party` field stands for it.
 */
export function readStepForm(name: string, fields: Record<string, unknown>): StepReading {
  const route = findStepForm(name);
  if (!route) return { ok: false, issues: [{ code: 'custom', path: [], message: 'Okänt steg.', input: name }] };
  if (!route.partyInPath) return route.read(fields, undefined);
  const { party, ...body } = fields;
  const parsedParty = partyId.safeParse(party);
  const reading = route.read(body, parsedParty.data);
  const issues = [
    ...(parsedParty.success ? [] : parsedParty.error.issues.map((issue) => ({ ...issue, path: ['party', ...issue.path] }))),
    ...(reading.ok ? [] : reading.issues),
  ];
  return issues.length > 0 ? { ok: false, issues } : reading;
}

/** The list at the top of a form that links to every field in error. */
export function errorSummary(errors: FieldErrors, labels: Record<string, string>, formId = ''): SafeHtml | '' {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="${formId}fel-rubrik">
<h2 id="${formId}fel-rubrik">Det finns fel i formuläret</h2>
<ul>${entries.map(([name, message]) =>
    labels[name] ? html`<li><a href="#${formId}${fieldId(name)}">${labels[name]}: ${message}</a></li>` : html`<li>${message}</li>`,
  )}</ul>
</div>`;
}

export function fieldId(name: string): string {
  return `falt-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly value?: string | null;
  readonly hint?: string;
  readonly error?: string;
  readonly required?: boolean;
  readonly type?: 'text' | 'date' | 'url' | 'email' | 'password' | 'number';
  readonly autocomplete?: string;
  readonly idPrefix?: string;
}

function described(id: string, hint?: string, error?: string): SafeHtml | '' {
  const ids = [hint ? `${id}-tips` : '', error ? `${id}-fel` : ''].filter(Boolean).join(' ');
  return ids ? html` aria-describedby="${ids}"` : '';
}

export function textField(options: FieldOptions): SafeHtml {
  const id = `${options.idPrefix ?? ''}${fieldId(options.name)}`;
  return html`<div class="field${options.error ? ' invalid' : ''}">
<label for="${id}">${options.label}${options.required ? '' : html` <span class="muted">(frivilligt)</span>`}</label>
${options.hint ? html`<p class="hint" id="${id}-tips">${options.hint}</p>` : ''}
${options.error ? html`<p class="field-error" id="${id}-fel">${options.error}</p>` : ''}
<input type="${options.type ?? 'text'}" id="${id}" name="${options.name}" value="${options.value ?? ''}"${
    options.required ? html` required` : ''
  }${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.error ? html` aria-invalid="true"` : ''}${described(
    id,
    options.hint,
    options.error,
  )}>
</div>`;
}

/**
 * A file input. A browser cannot fill one in again, so when the form comes back with an
 * error, the file already stored (`kept`: its id and name) rides along in a hidden field
 * and is used unless another file is chosen.
 */
export function fileField(options: Omit<FieldOptions, 'type' | 'value'> & { readonly accept: string; readonly kept?: { readonly id: string; readonly name: string } }): SafeHtml {
  const id = `${options.idPrefix ?? ''}${fieldId(options.name)}`;
  const hint = options.kept ? `${options.hint ? `${options.hint} ` : ''}Redan uppladdad: ${options.kept.name}. Den används om du inte väljer en annan fil.` : options.hint;
  return html`<div class="field${options.error ? ' invalid' : ''}">
<label for="${id}">${options.label}${options.required ? '' : html` <span class="muted">(frivilligt)</span>`}</label>
${hint ? html`<p class="hint" id="${id}-tips">${hint}</p>` : ''}
${options.error ? html`<p class="field-error" id="${id}-fel">${options.error}</p>` : ''}
${options.kept ? html`<input type="hidden" name="${options.name}" value="${options.kept.id}">` : ''}
<input type="file" id="${id}" name="${options.name}" accept="${options.accept}"${options.required && !options.kept ? html` required` : ''}${
    options.error ? html` aria-invalid="true"` : ''
  }${described(id, hint, options.error)}>
</div>`;
}

export function textArea(options: FieldOptions): SafeHtml {
  const id = `${options.idPrefix ?? ''}${fieldId(options.name)}`;
  return html`<div class="field${options.error ? ' invalid' : ''}">
<label for="${id}">${options.label} <span class="muted">(frivilligt)</span></label>
${options.hint ? html`<p class="hint" id="${id}-tips">${options.hint}</p>` : ''}
${options.error ? html`<p class="field-error" id="${id}-fel">${options.error}</p>` : ''}
<textarea id="${id}" name="${options.name}"${options.error ? html` aria-invalid="true"` : ''}${described(id, options.hint, options.error)}>${
    options.value ?? ''
  }</textarea>
</div>`;
}

interface ChoiceOptions {
  readonly name: string;
  readonly legend: string;
  readonly choices: readonly { value: string; label: string }[];
  readonly value?: string | null;
  readonly error?: string;
  readonly hint?: string;
  readonly idPrefix?: string;
}

export function radioGroup(options: ChoiceOptions): SafeHtml {
  const id = `${options.idPrefix ?? ''}${fieldId(options.name)}`;
  return html`<fieldset class="field${options.error ? ' invalid' : ''}"${described(id, options.hint, options.error)}>
<legend>${options.legend}</legend>
${options.hint ? html`<p class="hint" id="${id}-tips">${options.hint}</p>` : ''}
${options.error ? html`<p class="field-error" id="${id}-fel">${options.error}</p>` : ''}
${options.choices.map(
  (choice, index) => html`<div class="choice"><input type="radio" id="${index === 0 ? id : `${id}-${choice.value}`}" name="${options.name}" value="${
    choice.value
  }"${choice.value === options.value ? html` checked` : ''} required><label for="${index === 0 ? id : `${id}-${choice.value}`}">${choice.label}</label></div>`,
)}
</fieldset>`;
}

export function selectField(options: Omit<ChoiceOptions, 'legend'> & { readonly label: string; readonly empty?: string }): SafeHtml {
  const id = `${options.idPrefix ?? ''}${fieldId(options.name)}`;
  return html`<div class="field${options.error ? ' invalid' : ''}">
<label for="${id}">${options.label}</label>
${options.error ? html`<p class="field-error" id="${id}-fel">${options.error}</p>` : ''}
<select id="${id}" name="${options.name}"${options.error ? html` aria-invalid="true"` : ''}${described(id, undefined, options.error)}>
${options.empty !== undefined ? html`<option value="">${options.empty}</option>` : ''}
${options.choices.map((choice) => html`<option value="${choice.value}"${choice.value === options.value ? html` selected` : ''}>${choice.label}</option>`)}
</select>
</div>`;
}

/** Form values as strings; blank ones dropped, so that optional fields stay optional. */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (typeof value === 'string' && value.trim() !== '') values[key] = value.trim();
    }
  }
  return values;
}
