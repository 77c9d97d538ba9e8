/** The one stylesheet: calm, official, readable; contrast ≥ 4.5:1 everywhere; visible focus. */
export const STYLESHEET = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #b1b4b6; --brand: #0b4a75; --link: #0a5796; --focus: #ffbf47;
  --ok-bg: #e3f1e6; --ok: #14532d; --wait-bg: #fff4d6; --wait: #6b4500; --bad-bg: #fbe3e3; --bad: #8a1414;
  --out-bg: #ececec; --out: #3d3d3d; --plan-bg: #e3edf7; --plan: #0b3a66; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
body { margin: 0; }
a { color: var(--link); }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
.skip-link { position: absolute; left: -9999px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.skip-link:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 10; }
header.site { background: var(--brand); color: #fff; padding: .75rem 1.5rem; display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: center; }
header.site a { color: #fff; }
header.site .name { font-weight: 700; font-size: 1.25rem; text-decoration: none; }
header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1.25rem; margin: 0; padding: 0; }
header.site form { margin: 0 0 0 auto; }
header.site button { background: transparent; color: #fff; border: 1px solid #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
main.wide { max-width: none; }
footer.site { border-top: 1px solid var(--line); padding: 1rem 1.5rem; color: var(--muted); font-size: .95rem; }
footer.site a { color: var(--link); }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .5rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; }
.lead { font-size: 1.15rem; }
.muted { color: var(--muted); }
.wording, .letter { white-space: pre-line; }
blockquote.wording { margin: .5rem 0 1rem; padding: .5rem 1rem; border-left: 4px solid var(--brand); background: #f4f6f8; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; }
caption { text-align: left; padding: .25rem 0; }
.table-scroll { overflow-x: auto; position: relative; }
.matrix th, .matrix td { white-space: nowrap; font-size: .92rem; }
/* The case column stays in view while many party columns scroll past it. */
.matrix th[scope="row"] { position: sticky; left: 0; z-index: 1; background: #fff; white-space: normal; min-width: 12rem; max-width: 20rem; }
.table-scroll:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
.column-pages ul, .waiting-pages ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.column-pages a[aria-current="page"], .waiting-pages [aria-current="page"] { font-weight: 700; }
.status { display: inline-block; padding: .05rem .45rem; border-radius: .25rem; border: 1px solid currentColor; font-size: .9rem; }
.status-adopted { background: var(--ok-bg); color: var(--ok); }
.status-pending, .status-adopted-with-changes { background: var(--wait-bg); color: var(--wait); }
.status-scheduled { background: var(--plan-bg); color: var(--plan); }
.status-rejected, .overdue { background: var(--bad-bg); color: var(--bad); }
.status-opted-out, .status-none { background: var(--out-bg); color: var(--out); }
.overdue { display: inline-block; padding: .05rem .45rem; border-radius: .25rem; border: 1px solid currentColor; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.party-cases { list-style: none; padding: 0; }
li.party-case { border-top: 1px solid var(--line); padding: .75rem 0 1rem; }
li.party-case h2 { margin-top: .25rem; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .5rem; } }
.counts { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: .35rem; padding: .5rem 1rem; min-width: 9rem; }
.counts strong { display: block; font-size: 1.6rem; }
form.stacked { max-width: 40rem; }
.field { margin: 0 0 1.25rem; }
label, legend { display: block; font-weight: 600; margin-bottom: .25rem; }
fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; }
fieldset.group { border-left: 3px solid var(--line); padding-left: 1rem; }
fieldset.group > legend { font-weight: 700; margin-bottom: .35rem; }
.hint { color: var(--muted); margin: 0 0 .35rem; font-size: .95rem; }
input[type=text], input[type=date], input[type=url], input[type=email], input[type=password], select, textarea {
  font: inherit; padding: .45rem .55rem; border: 2px solid var(--ink); border-radius: .2rem; width: 100%; max-width: 32rem; background: #fff; color: var(--ink); }
textarea { min-height: 6rem; }
.choice { display: flex; gap: .5rem; align-items: center; margin: .3rem 0; font-weight: 400; }
.choice input { width: 1.3rem; height: 1.3rem; }
.choice label { font-weight: 400; margin: 0; }
button, .button { font: inherit; font-weight: 600; background: var(--brand); color: #fff; border: 2px solid var(--brand); border-radius: .25rem; padding: .5rem 1.1rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: var(--brand); }
form.inline { display: inline; margin-left: .75rem; }
form.inline button { padding: .15rem .6rem; }
.field-error { color: var(--bad); font-weight: 600; margin: 0 0 .35rem; }
.invalid input, .invalid select, .invalid textarea { border-color: var(--bad); }
.error-summary { border: 3px solid var(--bad); padding: .75rem 1.25rem; margin-bottom: 1.5rem; }
.error-summary h2 { margin-top: 0; color: var(--bad); }
.notice { border-left: 6px solid var(--brand); background: #eef4f9; padding: .75rem 1rem; margin: 1rem 0; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; margin-bottom: 1rem; }
.filters .field { margin: 0; }
.filters select { min-width: 12rem; }
ol.timeline { padding-left: 1.25rem; }
ol.timeline li { margin-bottom: .6rem; }
.actions { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); }
.actions section { border: 1px solid var(--line); border-radius: .35rem; padding: 1rem 1.25rem; }
.actions fieldset.contact-party { border: 1px solid var(--line); border-radius: .35rem; padding: 1rem 1.25rem; margin: 0; }
.actions fieldset.contact-party > legend { font-weight: 700; font-size: 1.15rem; padding: 0 .25rem; }
.actions h3 { margin-top: 0; }
input.link { font-family: ui-monospace, monospace; font-size: .85rem; }
`;
