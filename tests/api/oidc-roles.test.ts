import { roleFromClaim, verifiedEmail } from '../../apps/api/web/oidc-roles';

describe("an identity provider's claims", () => {
  it('name a coordinator, or one party, as one value or among a list', () => {
    expect(roleFromClaim('coordinator')).toEqual({ kind: 'coordinator' });
    expect(roleFromClaim(['staff', 'coordinator'])).toEqual({ kind: 'coordinator' });
    expect(roleFromClaim('party:mora')).toEqual({ kind: 'party', party: 'mora' });
    expect(roleFromClaim(['party:mora', 'party:mora'])).toEqual({ kind: 'party', party: 'mora' });
  });

  it('name nobody with two parties, a malformed party or nothing known', () => {
    expect(roleFromClaim(['party:mora', 'party:orsa'])).toBeUndefined();
    expect(roleFromClaim('party:Mora Kommun')).toBeUndefined();
    expect(roleFromClaim('admin')).toBeUndefined();
    expect(roleFromClaim(undefined)).toBeUndefined();
    expect(roleFromClaim(42)).toBeUndefined();
  });

  it('give an e-mail address only where it is one and not said to be unverified', () => {
    expect(verifiedEmail({ email: 'a@mora.example.se' })).toBe('a@mora.example.se');
    expect(verifiedEmail({ email: 'a@mora.example.se', email_verified: true })).toBe('a@mora.example.se');
    expect(verifiedEmail({ email: 'a@mora.example.se', email_verified: false })).toBeUndefined();
    expect(verifiedEmail({ email: 'inte en adress' })).toBeUndefined();
    expect(verifiedEmail({})).toBeUndefined();
  });
});
