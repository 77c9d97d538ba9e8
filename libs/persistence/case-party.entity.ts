import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { PartyStatus } from '../domain';
import { CaseEntity } from './case.entity';

@Entity({ name: 'case_parties' })
export class CasePartyEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'pk_case_parties' })
  caseId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_case_parties' })
  party!: string;

  /** Position in the county's order of parties, for stable listing. */
  @Column({ type: 'smallint' })
  ordinal!: number;

  @Column({ type: 'text' })
  status!: PartyStatus;

  @Column({ type: 'date', nullable: true })
  date!: string | null;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: 'text', nullable: true })
  paragraph!: string | null;

  @Column({ name: 'minutes_url', type: 'text', nullable: true })
  minutesUrl!: string | null;

  @Column({ name: 'party_reference', type: 'text', nullable: true })
  partyReference!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ name: 'posted_on', type: 'date', nullable: true })
  postedOn!: string | null;

  @ManyToOne(() => CaseEntity, (entity) => entity.parties, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_parties_case' })
  case!: Relation<CaseEntity>;
}
