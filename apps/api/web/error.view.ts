import { html } from '../../../libs/html/html';
import { page } from './layout';

const HEADINGS: Record<number, string> = {
  400: 'Begäran kunde inte behandlas',
  401: 'Inloggning krävs',
  403: 'Åtkomst nekad',
  404: 'Sidan finns inte',
  409: 'Steget passar inte ärendet',
  413: 'Begäran är för stor',
  429: 'För många försök',
  503: 'Tjänsten svarar inte just nu',
};

export function errorPage(status: number, message: string): string {
  const heading = HEADINGS[status] ?? 'Något gick fel';
  return page({
    title: heading,
    main: html`<h1>${heading}</h1><p class="lead">${message}</p><p><a href="/">Till startsidan</a></p>`,
  });
}
