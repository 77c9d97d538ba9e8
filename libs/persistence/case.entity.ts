import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import type { CaseState } from '../domain';
import type { Attachment, Stage } from '../domain';
import { CaseHistoryEntity } from './case-history.entity';
import { CasePartyEntity } from './case-party.entity';

/** The read model of one case: a projection of its workflow, never written by the API. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_cases' })
  id!: string;

  @Column({ name: 'process_id', type: 'text' })
  processId!: string;

  @Column({ name: 'process_version', type: 'integer' })
  processVersion!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'text' })
  stage!: Stage;

  @Column({ name: 'waiting_on', type: 'text', array: true })
  waitingOn!: string[];

  @Column({ name: 'stage_since', type: 'timestamptz' })
  stageSince!: Date;

  @Column({ name: 'waiting_since', type: 'date' })
  waitingSince!: string;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'jsonb' })
  attachments!: Attachment[];

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  /** The newest history entry projected: a stale projection never overwrites a newer one. */
  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'integer' })
  version!: number;

  /** Reminder policy, validity and follow-up of cases with timers; null for the others. */
  @Column({ type: 'jsonb', nullable: true })
  lifecycle!: CaseLifecycle | null;

  /** The earliest deadline among the parties still to answer: past it, the case is overdue. */
  @Column({ name: 'overdue_from', type: 'date', nullable: true })
  overdueFrom!: string | null;

  @OneToMany(() => CasePartyEntity, (party) => party.case)
  parties!: CasePartyEntity[];

  @OneToMany(() => CaseHistoryEntity, (entry) => entry.case)
  history!: CaseHistoryEntity[];
}

/** The parts of a case's state that only cases with timers have. */
export type CaseLifecycle = Pick<
  CaseState,
  'reminders' | 'remindedThrough' | 'validity' | 'followUpTerms' | 'followUp' | 'extendsCase' | 'inForceSince'
>;
