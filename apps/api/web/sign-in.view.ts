import { errorSummary, textField, type FieldErrors } from './form-fields';
import { html } from '../../../libs/html/html';
import { genitive } from '../../../libs/format/body-names';
import { page } from './layout';

const LABELS = { email: 'E-postadress', password: 'Lösenord' };

export function signInPage(options: {
  csrfToken: string;
  returnTo: string;
  organisation: string;
  email?: string;
  errors?: FieldErrors;
  /** What the identity provider is called, when one is configured. */
  identityProvider?: string;
}): string {
  const errors = options.errors ?? {};
  return page({
    title: 'Logga in',
    main: html`<h1>Logga in som samordnare</h1>
<p>För ${genitive(options.organisation)} samordnare. Parterna svarar via sina egna länkar och behöver inte logga in.</p>
${errorSummary(errors, LABELS)}
<form class="stacked" method="post" action="/logga-in" novalidate>
<input type="hidden" name="_csrf" value="${options.csrfToken}">
<input type="hidden" name="tillbaka" value="${options.returnTo}">
${textField({ name: 'email', label: LABELS.email, type: 'email', required: true, autocomplete: 'username', value: options.email, error: errors.email })}
${textField({ name: 'password', label: LABELS.password, type: 'password', required: true, autocomplete: 'current-password', error: errors.password })}
<button type="submit">Logga in</button>
</form>
${options.identityProvider
    ? html`<h2>Med ${options.identityProvider}</h2>
<p>Samordnare, och parternas användare som har konto hos ${options.identityProvider}, kan logga in där. Parternas användare kommer till sin egen översikt.</p>
<p><a class="button" href="/logga-in/oidc?tillbaka=${encodeURIComponent(options.returnTo)}">Logga in med ${options.identityProvider}</a></p>`
    : ''}`,
  });
}
