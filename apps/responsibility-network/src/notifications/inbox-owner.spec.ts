import { Role } from '@campus/auth';
import { DomainError, LoaderRegistry } from '@campus/graphql';
import { viewerWith } from '@campus/testing';
import { ownPersonId } from './inbox.service';

describe('the inbox belongs to its account', () => {
  const caller = (accountId: string, personId: string | null) => ({
    viewer: viewerWith(accountId, [[Role.SAFETY_OFFICE, 'unit', '/unit/']], personId),
    token: 't',
    requestId: 'r',
    loaders: new LoaderRegistry(),
  });

  it('answers the own account with its person (or none)', () => {
    expect(ownPersonId(caller('account-1', 'person-1'), 'account-1')).toBe('person-1');
    expect(ownPersonId(caller('account-1', null), 'account-1')).toBeNull();
  });

  it('refuses another account’s inbox, even to a safety office', () => {
    expect(() => ownPersonId(caller('account-1', 'person-1'), 'account-2')).toThrow(DomainError);
    try {
      ownPersonId(caller('account-1', 'person-1'), 'account-2');
    } catch (error) {
      expect(error).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_THE_NAMED_PERSON' });
    }
  });
});
