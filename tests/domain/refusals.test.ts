import { DomainError, refusal } from '../../libs/domain';

describe('the refusals, one module keyed by reason', () => {
  it('gives a domain error with its code, its reason and a Swedish message naming what it is about', () => {
    const error = refusal('already-answered', 'Mora kommun');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'conflict', reason: 'already-answered', message: 'Mora kommun har redan svarat.' });
  });

  it('says the stage in words when a step does not fit it', () => {
    expect(refusal('step-misfits', 'council', { kind: 'decision', outcome: 'adopted' }).message).toBe(
      'Politiska beslut tas emot först efter rådets rekommendation: Ärendet väntar på rådets rekommendation.',
    );
  });

  it('lists the names it is given', () => {
    expect(refusal('population-missing', ['Mora kommun', 'Orsa kommun']).message).toBe(
      'Folkmängd saknas i registret för: Mora kommun, Orsa kommun.',
    );
  });
});
