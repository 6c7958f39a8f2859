import { KEYCLOAK_MAPPING, mapClaims, parseClaimMapping } from './claim-mapping';

describe("mapping the provider's claims to the contract's", () => {
  it("reads Keycloak's realm roles (the best one of several) and the centre attribute", () => {
    const claims = {
      sub: 'u1',
      name: 'Trần Văn Bình',
      realm_access: { roles: ['offline_access', 'onestop-specialist', 'LEADER'] },
      centre: '000.00.12.H57',
    };
    expect(mapClaims(claims, KEYCLOAK_MAPPING)).toEqual({
      id: 'u1',
      name: 'Trần Văn Bình',
      role: 'LEADER',
      centre: '000.00.12.H57',
    });
  });

  it('gives no role to a user with none of the mapped roles, to an officer without a centre, to a citizen without a valid identity number', () => {
    expect(
      mapClaims({ sub: 'u1', realm_access: { roles: ['offline_access'] }, centre: 'X' }, KEYCLOAK_MAPPING),
    ).toBeUndefined();
    expect(mapClaims({ sub: 'u1', realm_access: { roles: ['SPECIALIST'] } }, KEYCLOAK_MAPPING)).toBeUndefined();
    expect(
      mapClaims({ sub: 'u1', realm_access: { roles: ['CITIZEN'] }, identityNumber: '12345' }, KEYCLOAK_MAPPING),
    ).toBeUndefined();
    expect(mapClaims({ realm_access: { roles: ['ADMIN'] }, centre: 'X' }, KEYCLOAK_MAPPING)).toBeUndefined();
  });

  it('maps a VNeID-style citizen identity by a mapping file: everyone a citizen, the identity number from its claim', () => {
    const vneid = parseClaimMapping({
      role: { fixed: 'CITIZEN' },
      identityNumber: { claim: 'citizen.id_number', pattern: '\\d{12}' },
      name: { claim: 'full_name' },
    });
    expect(mapClaims({ sub: 'v-1', full_name: 'Lê Thị Hoa', citizen: { id_number: '046090001111' } }, vneid)).toEqual({
      id: 'v-1',
      name: 'Lê Thị Hoa',
      role: 'CITIZEN',
      identityNumber: '046090001111',
    });
    expect(mapClaims({ sub: 'v-1', citizen: { id_number: '0460900011' } }, vneid)).toBeUndefined();
  });

  it('takes the centre from a group path and the role from groups, as a mapping file says', () => {
    const groups = parseClaimMapping({
      role: { claim: 'groups', prefix: '/roles/', values: { 'tiep-nhan': 'INTAKE_OFFICER' } },
      centre: { claim: 'groups', prefix: '/centres/' },
    });
    expect(mapClaims({ sub: 'u2', groups: ['/roles/tiep-nhan', '/centres/000.00.13.H57'] }, groups)).toMatchObject({
      role: 'INTAKE_OFFICER',
      centre: '000.00.13.H57',
    });
  });

  it('stops the gateway on a mapping file that names no role or an unknown one', () => {
    expect(() => parseClaimMapping({})).toThrow(/role/);
    expect(() => parseClaimMapping({ role: { fixed: 'KING' } })).toThrow(/role.fixed/);
    expect(() => parseClaimMapping({ role: { claim: 'groups', values: { a: 'CHIEF' } } })).toThrow(/CHIEF/);
    expect(() => parseClaimMapping({ role: { claim: 'groups' }, centre: {} })).toThrow(/centre/);
  });
});
