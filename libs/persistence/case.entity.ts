import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
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

  @OneToMany(() => CasePartyEntity, (party) => party.case)
  parties!: CasePartyEntity[];

  @OneToMany(() => CaseHistoryEntity, (entry) => entry.case)
  history!: CaseHistoryEntity[];
}
