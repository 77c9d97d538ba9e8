import { partyNoticeEmail } from '../../libs/mail/party-notice-email';
import { coordinatorNoticeEmail } from '../../libs/mail/coordinator-notice-email';
import { reminderEmail } from '../../libs/mail/reminder-email';
import type { CoordinatorNoticeKind, ReminderKind } from '../../libs/workflow-contract/case.activity-types';
import { SEED_PARTY_NAMES } from '../support/seed-register';

const LINK = 'https://overens.example.se/svar/7f1c/hedemora/1790000000.abc-DEF_123';
const request = (kind: ReminderKind) => ({ kind, title: 'Regional överenskommelse om Kvinnofrid', reference: 'HSN 2024/1905' });

describe('the reminder to a party', () => {
  it('before the deadline names the party, the case, the deadline in Swedish form and the link', () => {
    const email = reminderEmail({ request: request('before'), party: 'hedemora', partyName: SEED_PARTY_NAMES['hedemora'], organisation: 'RSS Dalarna', deadline: '2024-12-10', link: LINK });
    expect(email.subject).toBe('Påminnelse: sista svarsdag 10 december 2024 – Regional överenskommelse om Kvinnofrid');
    expect(email.text).toContain('RSS Dalarna väntar på beslutet från Hedemora');
    expect(email.text).toContain('Sista svarsdag är den 10 december 2024.');
    expect(email.text).toContain('Diarienummer: HSN 2024/1905');
    expect(email.text).toContain(`Svarssidan för Hedemora:\n${LINK}`);
    expect(email.html).toContain(`<a href="${LINK}">Svarssidan för Hedemora</a>`);
    expect(email.html).toContain('<html lang="sv">');
  });

  it('before the meeting the party reported speaks of that meeting, not of the deadline', () => {
    const email = reminderEmail({ request: request('before'), party: 'sater', partyName: SEED_PARTY_NAMES['sater'], organisation: 'RSS Dalarna', deadline: '2024-12-10', meeting: '2025-02-20', link: LINK });
    expect(email.subject).toBe('Påminnelse inför ert sammanträde 20 februari 2025 – Regional överenskommelse om Kvinnofrid');
    expect(email.text).toContain('Säter har planerat ärendet nedan till sammanträdet den 20 februari 2025.');
    expect(email.text).toContain('Fram till dess får ni inga påminnelser om sista svarsdagen.');
    expect(email.text).toContain('Planerat sammanträde: 20 februari 2025');
    expect(email.text).not.toContain('passerades');
  });

  it('on the deadline says that today is the last day', () => {
    const email = reminderEmail({ request: request('on'), party: 'region-dalarna', partyName: SEED_PARTY_NAMES['region-dalarna'], organisation: 'RSS Dalarna', deadline: '2024-12-10', link: LINK });
    expect(email.subject).toBe('Sista svarsdag i dag – Regional överenskommelse om Kvinnofrid');
    expect(email.text).toContain('Region Dalarna');
    expect(email.text).toContain('I dag, den 10 december 2024, är sista svarsdag.');
  });

  it('after the deadline says when it passed', () => {
    const email = reminderEmail({ request: request('after'), party: 'sater', partyName: SEED_PARTY_NAMES['sater'], organisation: 'RSS Dalarna', deadline: '2024-12-10', link: LINK });
    expect(email.subject).toBe('Sista svarsdagen har passerat – Regional överenskommelse om Kvinnofrid');
    expect(email.text).toContain('Sista svarsdag passerades den 10 december 2024.');
    expect(email.text).toContain('Säter');
  });

  it("as the coordinator's reminder works without a deadline or registry number", () => {
    const email = reminderEmail({ request: { ...request('now'), reference: null }, party: 'malung-salen', partyName: SEED_PARTY_NAMES['malung-salen'], organisation: 'RSS Dalarna', deadline: null, link: LINK });
    expect(email.subject).toBe('Påminnelse från RSS Dalarna – Regional överenskommelse om Kvinnofrid');
    expect(email.text).toContain('RSS Dalarna påminner om att vi väntar på beslutet från Malung-Sälen');
    expect(email.text).not.toContain('Sista svarsdag');
    expect(email.text).not.toContain('Diarienummer');
    expect(email.text).toContain(LINK);
  });

  it("speaks for the deployment's own organisation and the party's name as the case keeps it", () => {
    const email = reminderEmail({ request: request('now'), party: 'kommun-a', partyName: 'Kommun A', organisation: 'Regionsamverkan Norr', deadline: null, link: LINK });
    expect(email.subject).toBe('Påminnelse från Regionsamverkan Norr – Regional överenskommelse om Kvinnofrid');
    expect(email.text).toContain('Regionsamverkan Norr påminner om att vi väntar på beslutet från Kommun A');
    expect(email.text).toContain('kontakta Regionsamverkan Norr');
    expect(email.text).not.toContain('Dalarna');
  });

  it('escapes what people wrote in the HTML, and keeps it as written in the text', () => {
    const email = reminderEmail({
      request: { kind: 'now', title: 'Avtal <b>"A & B"</b>', reference: null },
      party: 'mora',
      partyName: 'Mora',
      organisation: 'RSS Dalarna',
      deadline: null,
      link: LINK,
    });
    expect(email.html).toContain('Avtal &lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;');
    expect(email.html).not.toContain('<b>');
    expect(email.text).toContain('Ärende: Avtal <b>"A & B"</b>');
  });
});

describe('the notice to the coordinators', () => {
  const CASE_PAGE = 'https://overens.example.se/arenden/7f1c';
  const expected: Record<CoordinatorNoticeKind, string> = {
    'validity-expiring': 'går ut den 30 juni 2027',
    'validity-renewed': 'gäller nu till och med den 30 juni 2027',
    'validity-terminated': 'upphör att gälla den 30 juni 2027',
    'validity-ended': 'gick ut den 30 juni 2027',
    'consultation-closed': 'Remisstiden gick ut den 30 juni 2027',
    'follow-up-due': 'planerad till den 30 juni 2027',
    'party-overdue': 'Den 30 juni 2027 hade parterna nedan ännu inte fattat beslut',
  };

  it.each(Object.entries(expected))('%s says what happened, when, to whom, with a link to the case', (kind, phrase) => {
    const email = coordinatorNoticeEmail(
      {
        noticeId: 'n-1',
        caseId: '7f1c',
        title: 'MiniMaria',
        reference: 'LCHNV 2024/12',
        kind: kind as CoordinatorNoticeKind,
        date: '2027-06-30',
        parties: ['smedjebacken', 'alvdalen'],
      },
      CASE_PAGE,
      { partyNames: new Map([['smedjebacken', 'Smedjebacken'], ['alvdalen', 'Älvdalen']]), organisation: 'RSS Dalarna' },
    );
    expect(email.subject).toMatch(/ – MiniMaria$/);
    expect(email.text).toContain(phrase);
    expect(email.text).toContain('Smedjebacken, Älvdalen');
    expect(email.text).toContain(CASE_PAGE);
    expect(email.html).toContain(`<a href="${CASE_PAGE}">`);
  });
});

describe("the party's receipt and the in-force notice", () => {
  const about = { noticeId: 'n-2', caseId: '7f1c', title: 'Avtal <b>"A & B"</b>', reference: null };
  const facts = { party: 'mora', partyName: 'Mora', names: new Map([['mora', 'Mora'], ['orsa', 'Orsa'], ['alvdalen', 'Älvdalen']]), organisation: 'RSS Dalarna', timeZone: 'Europe/Stockholm', link: LINK, overviewLink: `${LINK}/oversikt` };

  it('for a meeting the party reported, says when the meeting is and when the report was received, in Swedish time', () => {
    const email = partyNoticeEmail({
      ...facts,
      notice: { ...about, kind: 'receipt', party: 'mora', outcome: 'scheduled', date: '2025-03-20', body: null, paragraph: null, partyReference: null, recordedAt: '2025-02-28T23:30:00.000Z' },
    });
    expect(email.text).toContain('Svar: Planerat till sammanträde');
    expect(email.text).toContain('Sammanträde: 20 mars 2025');
    expect(email.text).toContain('Mottaget: 1 mars 2025 kl. 00:30');
    expect(email.text).not.toContain('Organ och paragraf');
    expect(email.html).toContain('Avtal &lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;');
  });

  it('in force names the parties in it and those outside, and the period', () => {
    const email = partyNoticeEmail({
      ...facts,
      notice: { ...about, kind: 'in-force', date: '2025-04-02', parties: ['mora', 'orsa', 'alvdalen'], joined: ['mora', 'orsa'], outside: ['alvdalen'], validity: { from: '2025-07-01', to: '2027-06-30' } },
    });
    expect(email.subject).toBe('Överenskommelsen gäller – Avtal <b>"A & B"</b>');
    expect(email.text).toContain('gäller sedan 2 april 2025');
    expect(email.text).toContain('Giltighetstiden är 1 juli 2025 – 30 juni 2027.');
    expect(email.text).toContain('Parter i överenskommelsen: Mora, Orsa');
    expect(email.text).toContain('Står utanför: Älvdalen');
  });
});
