import { createIdentitySigner, createIdentityVerifier, generateIdentityKeys } from './identity';

const officer = { id: 'u-1', name: 'Nguyễn Văn A', role: 'INTAKE_OFFICER' as const, centre: 'T01' };

describe('rotating the gateway identity key', () => {
  it('accepts tokens of the new and of the old key while the services hold both', async () => {
    const [oldKeys, newKeys] = await Promise.all([generateIdentityKeys(), generateIdentityKeys()]);
    const during = await createIdentityVerifier(`[${newKeys.publicJwk},${oldKeys.publicJwk}]`);
    const signedBefore = await (await createIdentitySigner(oldKeys.privateJwk))(officer);
    const signedAfter = await (await createIdentitySigner(newKeys.privateJwk))(officer);
    await expect(during(signedBefore)).resolves.toEqual(officer);
    await expect(during(signedAfter)).resolves.toEqual(officer);
  });

  it('refuses the old key once it is removed, and reads a {"keys": […]} set', async () => {
    const [oldKeys, newKeys] = await Promise.all([generateIdentityKeys(), generateIdentityKeys()]);
    const after = await createIdentityVerifier(`{"keys":[${newKeys.publicJwk}]}`);
    const signedBefore = await (await createIdentitySigner(oldKeys.privateJwk))(officer);
    await expect(after(signedBefore)).rejects.toThrow(/signature/);
    await expect(after(await (await createIdentitySigner(newKeys.privateJwk))(officer))).resolves.toEqual(officer);
  });

  it('refuses an empty key set at start', async () => {
    await expect(createIdentityVerifier('[]')).rejects.toThrow(/no key/);
  });
});
