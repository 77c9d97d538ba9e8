import {
  REGIONAL_AGREEMENT,
  REGIONAL_AGREEMENT_V3,
  applyStep,
  dueTimerEvent,
  nextTimerDate,
  openCase,
  recordReminder,
  type CaseState,
  type ProcessDefinition,
  type TimerEvent,
} from '../../libs/domain';
import { opening } from './case-fixtures';

const OPENED_AT = '2024-10-01T09:00:00.000Z';
const context = { actor: 'coordinator' as const, requestId: null, at: OPENED_AT };

/** Recommended on 1 October with a deadline of 31 December; Falun has put the matter on its meeting of 20 February. */
function scheduledForFebruary(definition: ProcessDefinition): CaseState {
  const opened = openCase(opening({ parties: ['falun', 'mora'], deadline: '2024-12-31' }), definition, OPENED_AT);
  const recommended = applyStep(opened, { kind: 'council', outcome: 'recommend', date: '2024-10-01' }, definition, context);
  return applyStep(recommended, { kind: 'decision', party: 'falun', outcome: 'scheduled', date: '2025-02-20', body: 'Kommunfullmäktige' }, definition, context);
}

/** Falun's reminders through a day: when, and whether they were about its meeting. */
function falunReminders(state: CaseState, definition: ProcessDefinition, through: string): { on: string; meeting?: string }[] {
  const sent: { on: string; meeting?: string }[] = [];
  let current = state;
  for (;;) {
    const day = nextTimerDate(current, definition, '0000-01-01');
    const due: TimerEvent | undefined = dueTimerEvent(current, definition, day ?? '9999-12-31');
    if (!day || day > through || !due || due.kind !== 'reminders') break;
    const falun = due.parties.find((party) => party.party === 'falun');
    if (falun) sent.push({ on: day, ...(falun.meeting ? { meeting: falun.meeting } : {}) });
    current = recordReminder(current, { kind: due.reminderKind, date: due.date, parties: due.parties }, { reached: due.parties.map((party) => party.party), unreachable: [] }, {
      at: `${day}T06:00:00.000Z`,
      actor: 'system',
      requestId: null,
    });
  }
  return sent;
}

it('reminds a party a week before the meeting it reported instead of chasing it by the deadline, and by the deadline again once the meeting has passed', () => {
  // Scheduled before the deadline's reminders began: none of them, only the meeting's, then weekly past the deadline.
  expect(falunReminders(scheduledForFebruary(REGIONAL_AGREEMENT_V3), REGIONAL_AGREEMENT_V3, '2025-03-10')).toEqual([
    { on: '2025-02-13', meeting: '2025-02-20' },
    { on: '2025-02-25' },
    { on: '2025-03-04' },
  ]);
});

it('keeps the first rule for cases of version 2: the deadline reminders, meeting or not', () => {
  const sent = falunReminders(scheduledForFebruary(REGIONAL_AGREEMENT), REGIONAL_AGREEMENT, '2025-01-31');
  expect(sent.map((reminder) => reminder.on)).toEqual(['2024-12-17', '2024-12-31', '2025-01-07', '2025-01-14', '2025-01-21', '2025-01-28']);
  expect(sent.some((reminder) => reminder.meeting)).toBe(false);
});
