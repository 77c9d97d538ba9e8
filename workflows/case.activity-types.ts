import type { CaseProjection } from '../libs/domain';

export type { CaseProjection };

export interface CaseActivities {
  projectCase(projection: CaseProjection): Promise<void>;
}
