import { readFileSync } from 'node:fs';
import { DEMO_USERS } from '../gateway/src/demo-users';
import { KEYCLOAK_MAPPING, mapClaims } from '../gateway/src/oidc/claim-mapping';
import { demoRealm, REALM_FILE } from '../scripts/keycloak-realm';

/** What Keycloak puts in a user's access token with this realm: the realm roles, the profile's name, the client's attribute mappers. */
function tokenClaimsOf(user: ReturnType<typeof demoRealm>['users'][number]) {
  const attributes = user.attributes;
  return {
    sub: user.username,
    name: `${user.firstName} ${user.lastName}`,
    realm_access: { roles: [...user.realmRoles, 'offline_access'] },
    ...Object.fromEntries(Object.entries(attributes).map(([k, [v]]) => [k, v])),
  };
}

describe("the demo province's Keycloak realm (deploy/keycloak)", () => {
  const realm = JSON.parse(readFileSync(REALM_FILE, 'utf8')) as ReturnType<typeof demoRealm>;

  it('is the one written from the demo users (npm run keycloak:realm after changing them)', () => {
    expect(realm).toEqual(demoRealm());
  });

  it('has every demo user, one per role and centre, whose token maps to their role, centre or identity number', () => {
    expect(realm.users).toHaveLength(DEMO_USERS.length);
    for (const demo of DEMO_USERS) {
      const user = realm.users.find((u) => u.username === demo.id)!;
      expect(mapClaims(tokenClaimsOf(user), KEYCLOAK_MAPPING)).toEqual({
        id: demo.id,
        name: demo.name,
        role: demo.role,
        ...(demo.centre ? { centre: demo.centre } : { identityNumber: demo.identityNumber }),
      });
    }
  });

  it('declares the centre and identity number in the user profile, editable by administrators only', () => {
    const profile = JSON.parse(
      realm.components['org.keycloak.userprofile.UserProfileProvider'][0].config['kc.user.profile.config'][0],
    );
    for (const name of ['centre', 'identityNumber']) {
      expect(profile.attributes.find((a: { name: string }) => a.name === name).permissions.edit).toEqual(['admin']);
    }
  });
});
