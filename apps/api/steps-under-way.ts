/**
 * The steps this API has under way, by case. A copy of a case read beside a step is the
 * step's base only when no other step on the case comes between; with another under way
 * it rarely is, and reading a large case twice (beside and after) for every answer of a
 * burst doubles the reads just when they are most. Other APIs' steps are not seen: a copy
 * that turns out stale is only read again.
 */
export class StepsUnderWay {
  private readonly counts = new Map<string, number>();

  /** Counts a step on `caseId` as under way; true when it is the only one. */
  begin(caseId: string): boolean {
    const count = this.counts.get(caseId) ?? 0;
    this.counts.set(caseId, count + 1);
    return count === 0;
  }

  end(caseId: string): void {
    const count = (this.counts.get(caseId) ?? 1) - 1;
    if (count > 0) this.counts.set(caseId, count);
    else this.counts.delete(caseId);
  }
}
