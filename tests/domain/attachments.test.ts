import { REGIONAL_AGREEMENT, REGIONAL_AGREEMENT_V1, applyStep, openCase, refuseStep, type CaseState, type CaseStep, type FileRef } from '../../libs/domain';
import { AT, opening, openedCase } from './case-fixtures';

const context = { at: '2024-06-01T09:00:00.000Z', actor: 'coordinator' as const, requestId: null };
const file = (n: number): FileRef => ({ id: `00000000-0000-4000-8000-00000000010${n}`, sha256: String(n).repeat(64) });

function step(state: CaseState, next: CaseStep): CaseState {
  return applyStep(state, next, REGIONAL_AGREEMENT, context);
}

describe('attachments', () => {
  it('adds an uploaded file after the links the case opened with, numbered in order, without moving the case', () => {
    const opened = openedCase();
    const after = step(opened, { kind: 'attachment', title: 'Bilaga 2 Underlag', file: file(1), date: '2024-05-30' });
    expect(after.stage).toBe(opened.stage);
    expect(after.stageSince).toBe(opened.stageSince);
    expect(after.attachments).toEqual([
      { title: 'Överenskommelse', url: 'https://rss.example/kvinnofrid.pdf' },
      { title: 'Bilaga 2 Underlag', file: file(1), version: 1, date: '2024-05-30' },
    ]);
    expect(after.history.at(-1)).toMatchObject({ type: 'attachment', attachment: 2, outcome: 'added', stage: 'council' });
  });

  it('replaces a file with its next version, keeping the earlier one with what it said', () => {
    const first = step(openedCase({ attachments: [] }), { kind: 'attachment', title: 'Bilaga 10', file: file(1), date: '2024-05-30', note: 'första' });
    const second = step(first, { kind: 'attachment', title: 'Bilaga 10', file: file(2), date: '2024-06-10', replaces: 1, note: 'nytt underlag' });
    const third = step(second, { kind: 'attachment', title: 'Bilaga 10 rev', file: file(3), date: '2024-06-20', replaces: 1 });
    expect(third.attachments).toEqual([
      {
        title: 'Bilaga 10 rev',
        file: file(3),
        version: 3,
        date: '2024-06-20',
        earlier: [
          { version: 1, file: file(1), date: '2024-05-30', note: 'första' },
          { version: 2, file: file(2), date: '2024-06-10', note: 'nytt underlag' },
        ],
      },
    ]);
    expect(second.history.at(-1)).toMatchObject({ type: 'attachment', attachment: 1, outcome: 'replaced', note: 'nytt underlag' });
  });

  it('refuses to replace an attachment that does not exist, or one that is a link', () => {
    const opened = openedCase();
    expect(refuseStep(opened, { kind: 'attachment', title: 'X', file: file(1), date: '2024-05-30', replaces: 2 }, REGIONAL_AGREEMENT)?.reason).toBe('no-such-attachment');
    expect(refuseStep(opened, { kind: 'attachment', title: 'X', file: file(1), date: '2024-05-30', replaces: 1 }, REGIONAL_AGREEMENT)?.reason).toBe('link-not-replaceable');
    expect(refuseStep(opened, { kind: 'attachment', title: 'X', file: file(1), date: '30 maj', replaces: 1 }, REGIONAL_AGREEMENT)?.reason).toBe('date-malformed');
  });

  it('takes attachments while the case is open or in force, not once it is closed, and not on cases without timers', () => {
    const rejected = step(openedCase(), { kind: 'council', outcome: 'reject', date: '2024-06-13' });
    expect(refuseStep(rejected, { kind: 'attachment', title: 'X', file: file(1), date: '2024-06-14' }, REGIONAL_AGREEMENT)?.reason).toBe('case-closed');
    const legacy = openCase(opening(), REGIONAL_AGREEMENT_V1, AT);
    expect(refuseStep(legacy, { kind: 'attachment', title: 'X', file: file(1), date: '2024-06-14' }, REGIONAL_AGREEMENT_V1)?.reason).toBe('step-before-timers');
  });
});

describe("a party's minutes excerpt as a file", () => {
  it('is kept with the answer by id and checksum, and goes when the answer is opened again', () => {
    const recommended = step(openedCase({ parties: ['falun', 'mora'] }), { kind: 'council', outcome: 'recommend', date: '2024-06-13' });
    const answered = step(recommended, { kind: 'decision', party: 'falun', outcome: 'adopted', date: '2024-09-12', minutesFile: file(4) });
    expect(answered.parties.find((answer) => answer.party === 'falun')?.minutesFile).toEqual(file(4));
    const revised = step(answered, { kind: 'revision', date: '2024-10-01', reopen: ['falun'] });
    expect(revised.parties.find((answer) => answer.party === 'falun')?.minutesFile).toBeUndefined();
  });
});
