import { randomUUID } from 'node:crypto';
import { Mailer } from '../../libs/mail/mailer';
import { startOutbox, type RunningOutbox } from '../../libs/mail/outbox-server';

/** The outbox itself, on ports of its own, catching what a real nodemailer client sends. */
let outbox: RunningOutbox;
let mailer: Mailer;

beforeAll(async () => {
  outbox = await startOutbox({ smtpPort: 0, httpPort: 0, limit: 3 });
  mailer = new Mailer(outbox.smtpUrl, 'RSS Dalarna <noreply@example.se>');
});

afterAll(async () => {
  mailer?.close();
  await outbox?.stop();
});

beforeEach(() => outbox.clear());

it('catches a message sent over SMTP and shows it in JSON and on a Swedish page, links clickable', async () => {
  const to = `handlaggare-${randomUUID()}@avesta.example.se`;
  const messageId = await mailer.send({
    to,
    subject: 'Påminnelse – Kvinnofrid',
    text: 'Hej!\n\nSvarssidan: https://overens.example.se/svar/abc/avesta/1.xyz.\n<script>alert(1)</script>',
    html: '<p>Hej!</p>',
  });
  expect(messageId).toMatch(/^<.+@.+>$/);

  const messages = (await (await fetch(`${outbox.httpUrl}/api/messages`)).json()) as { to: string[]; from: string; subject: string; text: string }[];
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ to: [to], from: 'noreply@example.se', subject: 'Påminnelse – Kvinnofrid' });
  expect(messages[0].text).toContain('https://overens.example.se/svar/abc/avesta/1.xyz');

  const page = await fetch(`${outbox.httpUrl}/`);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  const body = await page.text();
  expect(body).toContain('<html lang="sv">');
  expect(body).toContain('<h1>Utkorg</h1>');
  expect(body).toContain(to);
  // The full stop after the address ends the sentence, not the link.
  expect(body).toContain('<a href="https://overens.example.se/svar/abc/avesta/1.xyz">https://overens.example.se/svar/abc/avesta/1.xyz</a>.');
  expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(body).not.toContain('<script>');
});

it('keeps only the latest messages, newest first, and clears on DELETE', async () => {
  for (const number of [1, 2, 3, 4]) {
    await mailer.send({ to: 'samordnare@example.se', subject: `Meddelande ${number}`, text: 'text', html: '<p>text</p>' });
  }
  expect(outbox.messages().map((message) => message.subject)).toEqual(['Meddelande 4', 'Meddelande 3', 'Meddelande 2']);

  const cleared = await fetch(`${outbox.httpUrl}/api/messages`, { method: 'DELETE' });
  expect(cleared.status).toBe(204);
  expect(outbox.messages()).toEqual([]);
  expect(await (await fetch(`${outbox.httpUrl}/`)).text()).toContain('Inga meddelanden ännu.');
  expect((await fetch(`${outbox.httpUrl}/saknas`)).status).toBe(404);
});
