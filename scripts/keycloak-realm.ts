/**
 * Writes deploy/keycloak/onestop-realm.json, the realm docker-compose's Keycloak imports at start:
 * the demo province's users (gateway/src/demo-users.ts, one per role and centre) with their realm
 * role and centre or identity number, and the portal's client. `npm run keycloak:realm` after a
 * change of the demo users; a test fails while the file and the users differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '@onestop/service-kit';
import { DEMO_USERS } from '../gateway/src/demo-users';

export const REALM_FILE = join(__dirname, '..', 'deploy', 'keycloak', 'onestop-realm.json');
export const REALM = 'onestop';
export const CLIENT_ID = 'onestop-portal';
/** The demo users' password, for the compose demo only (README: how the first administrator signs in). */
export const DEMO_PASSWORD = 'demo';

const userAttribute = (attribute: string) => ({
  name: attribute,
  protocol: 'openid-connect',
  protocolMapper: 'oidc-usermodel-attribute-mapper',
  config: {
    'user.attribute': attribute,
    'claim.name': attribute,
    'jsonType.label': 'String',
    'access.token.claim': 'true',
    'id.token.claim': 'true',
    'userinfo.token.claim': 'true',
    multivalued: 'false',
  },
});

/** Keycloak ≥ 24 keeps only the attributes its user profile declares: the centre and identity number are. */
const userProfile = {
  attributes: [
    {
      name: 'username',
      displayName: 'Username',
      validations: {
        length: { min: 3, max: 255 },
        'username-prohibited-characters': {},
        'up-username-not-idn-homograph': {},
      },
      permissions: { view: ['admin', 'user'], edit: ['admin'] },
      multivalued: false,
    },
    {
      name: 'email',
      displayName: 'Email',
      validations: { email: {}, length: { max: 255 } },
      permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
      multivalued: false,
    },
    {
      name: 'firstName',
      displayName: 'Family name',
      validations: { length: { max: 255 } },
      permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
      multivalued: false,
    },
    {
      name: 'lastName',
      displayName: 'Given names',
      validations: { length: { max: 255 } },
      permissions: { view: ['admin', 'user'], edit: ['admin', 'user'] },
      multivalued: false,
    },
    // an officer cannot move themselves to another centre, nor a citizen change whose records they see
    {
      name: 'centre',
      displayName: 'Centre',
      validations: { pattern: { pattern: '^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$', 'error-message': 'centre code' } },
      permissions: { view: ['admin', 'user'], edit: ['admin'] },
      multivalued: false,
    },
    {
      name: 'identityNumber',
      displayName: 'Identity number',
      validations: { pattern: { pattern: '^\\d{12}$', 'error-message': '12 digits' } },
      permissions: { view: ['admin', 'user'], edit: ['admin'] },
      multivalued: false,
    },
  ],
  groups: [],
};

export function demoRealm() {
  return {
    realm: REALM,
    displayName: 'Một cửa — tỉnh mẫu',
    enabled: true,
    // compose serves Keycloak on http://localhost:8080; a province's own runs behind TLS
    sslRequired: 'none',
    registrationAllowed: false,
    loginWithEmailAllowed: false,
    internationalizationEnabled: true,
    supportedLocales: ['en', 'vi'],
    defaultLocale: 'vi',
    accessTokenLifespan: 300,
    ssoSessionIdleTimeout: 1800,
    ssoSessionMaxLifespan: 43200,
    revokeRefreshToken: true,
    refreshTokenMaxReuse: 0,
    roles: { realm: ROLES.map((name) => ({ name, description: `The platform's ${name} (contract/README.md)` })) },
    components: {
      'org.keycloak.userprofile.UserProfileProvider': [
        {
          providerId: 'declarative-user-profile',
          subComponents: {},
          config: { 'kc.user.profile.config': [JSON.stringify(userProfile)] },
        },
      ],
    },
    clients: [
      {
        clientId: CLIENT_ID,
        name: 'Cổng dịch vụ công một cửa',
        enabled: true,
        protocol: 'openid-connect',
        publicClient: false,
        // replaced at import from the Keycloak container's environment
        secret: '${AUTH_OIDC_CLIENT_SECRET}',
        standardFlowEnabled: true,
        implicitFlowEnabled: false,
        directAccessGrantsEnabled: false,
        serviceAccountsEnabled: false,
        redirectUris: ['http://localhost:4000/auth/callback'],
        webOrigins: ['http://localhost:4000'],
        attributes: { 'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': 'http://localhost:4000/*' },
        protocolMappers: [
          // the gateway checks that access tokens name it as their audience
          {
            name: 'audience',
            protocol: 'openid-connect',
            protocolMapper: 'oidc-audience-mapper',
            config: { 'included.client.audience': CLIENT_ID, 'access.token.claim': 'true', 'id.token.claim': 'false' },
          },
          userAttribute('centre'),
          userAttribute('identityNumber'),
        ],
      },
    ],
    users: DEMO_USERS.map((user) => {
      const [family, ...given] = user.name.split(' ');
      return {
        username: user.id,
        enabled: true,
        emailVerified: true,
        firstName: family,
        lastName: given.join(' '),
        attributes: (user.centre ? { centre: [user.centre] } : { identityNumber: [user.identityNumber!] }) as Record<
          string,
          string[]
        >,
        credentials: [{ type: 'password', value: DEMO_PASSWORD, temporary: false }],
        realmRoles: [user.role],
      };
    }),
  };
}

if (require.main === module) {
  writeFileSync(REALM_FILE, `${JSON.stringify(demoRealm(), null, 2)}\n`);
  console.log(`wrote ${REALM_FILE}`);
}
