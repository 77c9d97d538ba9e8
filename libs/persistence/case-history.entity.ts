import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Actor, Stage } from '../domain';
import { CaseEntity } from './case.entity';

/** Append-only: the database refuses updates and deletes (see the migration's trigger). */
@Entity({ name: 'case_history' })
@Index('uq_case_history_sequence', ['caseId', 'sequence'], { unique: true })
export class CaseHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_case_history' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  actor!: Actor;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text' })
  stage!: Stage;

  @Column({ type: 'text', nullable: true })
  party!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'date', nullable: true })
  date!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  @Column({ name: 'until_meeting', type: 'date', nullable: true })
  untilMeeting!: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  reopened!: string[] | null;

  @Column({ type: 'text', array: true, nullable: true })
  unreachable!: string[] | null;

  @ManyToOne(() => CaseEntity, (entity) => entity.history, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_history_case' })
  case!: Relation<CaseEntity>;
}
