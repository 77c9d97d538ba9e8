import type { CaseProjectionRepository } from '../../libs/persistence';
import type { CaseActivities } from '../../workflows/case.activity-types';

/** The I/O the case workflow asks for. Each activity is idempotent. */
export function createCaseActivities(projection: CaseProjectionRepository): CaseActivities {
  return {
    projectCase: (change) => projection.project(change),
  };
}
