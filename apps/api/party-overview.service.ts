import { Injectable } from '@nestjs/common';
import type { CaseView, PartyCasesView } from '../../libs/contract';
import { CaseService } from './case.service';
import { Clock } from './clock';

/** What a party is asked, by the kind of case: the contract's code for it. */
const ASKED_OF: Record<string, PartyCasesView['items'][number]['askedOf']> = {
  'regional-agreement': 'decision',
  consultation: 'answer',
  signing: 'signature',
  'network-decision': 'decision',
};

/** A party's side: every open case that waits on it, overdue first, then by deadline. */
@Injectable()
export class PartyOverviewService {
  constructor(
    private readonly cases: CaseService,
    private readonly clock: Clock,
  ) {}

  async casesFor(party: string): Promise<PartyCasesView> {
    // Every case that waits on the party, however many.
    const { cases: views } = await this.cases.listForMatrix({ party });
    const items = views.flatMap((view) => {
      const answer = view.parties.find((candidate) => candidate.party === party);
      return answer ? [itemOf(view, answer, this.clock.today())] : [];
    });
    items.sort(
      (left, right) =>
        Number(right.overdue) - Number(left.overdue) ||
        (left.deadline ?? '9999-12-31').localeCompare(right.deadline ?? '9999-12-31') ||
        left.title.localeCompare(right.title, 'sv'),
    );
    return { party, items };
  }
}

function itemOf(view: CaseView, answer: CaseView['parties'][number], today: string): PartyCasesView['items'][number] {
  const deadline = answer.deadline ?? view.deadline;
  return {
    id: view.id,
    title: view.title,
    reference: view.reference,
    stage: view.stage,
    processName: view.processName,
    askedOf: ASKED_OF[view.process.id] ?? 'decision',
    askedSince: answer.askedSince,
    deadline,
    overdue: deadline !== null && deadline < today,
    status: answer.status,
    scheduled: answer.status === 'scheduled' ? answer.date : null,
    attachments: view.attachments,
    answered: { count: view.parties.filter((other) => other.status !== 'pending' && other.status !== 'scheduled').length, of: view.parties.length },
  };
}
