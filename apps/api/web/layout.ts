import { html, type SafeHtml } from '../../../libs/html/html';
import type { CoordinatorSession } from '../../../libs/persistence';

export interface SignedInCoordinator {
  readonly name: string;
  readonly csrfToken: string;
}

export interface PageOptions {
  readonly title: string;
  readonly main: SafeHtml;
  /** Shown with the coordinator's navigation; absent on public and party pages. */
  readonly coordinator?: SignedInCoordinator;
  readonly current?: string;
  readonly wide?: boolean;
}

const NAVIGATION = [
  { href: '/oversikt', label: 'Översikt' },
  { href: '/matris', label: 'Matris' },
  { href: '/avslutade', label: 'Avslutade' },
  { href: '/rapport', label: 'Lägesrapport' },
  { href: '/moten', label: 'Möten' },
  { href: '/arenden/nytt', label: 'Nytt ärende' },
  { href: '/kontakter', label: 'Kontakter' },
  { href: '/parter', label: 'Parter' },
];

/** The signed-in coordinator as the page shell shows them: name, and the token their forms carry. */
export function signedIn(session: CoordinatorSession): SignedInCoordinator {
  return { name: session.coordinator.name, csrfToken: session.csrfToken };
}

/** The page shell: Swedish, a skip link, landmarks, one stylesheet, no script. */
export function page(options: PageOptions): string {
  const nav = options.coordinator
    ? html`<nav aria-label="Huvudmeny"><ul>${NAVIGATION.map(
        (item) =>
          html`<li><a href="${item.href}"${item.href === options.current ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
      )}</ul></nav>
      <form method="post" action="/logga-ut"><input type="hidden" name="_csrf" value="${options.coordinator.csrfToken}">
      <button type="submit">Logga ut ${options.coordinator.name}</button></form>`
    : '';
  return html`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} – Överens</title>
<link rel="stylesheet" href="/static/overens.css">
</head>
<body>
<a class="skip-link" href="#innehall">Hoppa till innehållet</a>
<header class="site">
<a class="name" href="/">Överens</a>
${nav}
</header>
<main id="innehall"${options.wide ? html` class="wide"` : ''}>
${options.main}
</main>
<footer class="site">
<p>Överens – gemensamma beslut för regionen och länets kommuner.
<a href="/tillganglighet">Tillgänglighetsredogörelse</a></p>
</footer>
</body>
</html>`.value;
}
