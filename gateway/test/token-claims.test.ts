import { randomBytes } from 'node:crypto';
import { SignJWT, decodeJwt } from 'jose';
import { signToken } from '@onestop/service-kit';
import { createUserTokenVerifier, InvalidTokenError } from '../src/user-token';

/** Issue 16, finding 6: tokens without `exp` were accepted, and `iss`/`aud` were never looked at. */
describe('the claims a user token must carry', () => {
  const secret = randomBytes(32).toString('hex');
  const key = new TextEncoder().encode(secret);
  const officer = { role: 'INTAKE_OFFICER', centre: '000.00.12.H57', name: 'Nguyễn Văn A' };
  const sign = (build: (jwt: SignJWT) => SignJWT) =>
    build(new SignJWT(officer).setProtectedHeader({ alg: 'HS256' }).setSubject('u-1')).sign(key);

  it('refuses a token that never expires', async () => {
    const verify = createUserTokenVerifier({ jwtSecret: secret });
    const forever = await sign((jwt) => jwt.setIssuedAt());
    await expect(verify(forever)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verify(forever)).rejects.toThrow(/exp/);
    await expect(verify(await sign((jwt) => jwt.setExpirationTime('5m')))).resolves.toMatchObject({
      id: 'u-1',
      role: 'INTAKE_OFFICER',
    });
  });

  it('checks the issuer and the audience when they are configured', async () => {
    const verify = createUserTokenVerifier({
      jwtSecret: secret,
      jwtIssuer: 'https://id.hue.gov.vn',
      jwtAudience: 'onestop',
    });
    const good = await sign((jwt) =>
      jwt.setExpirationTime('5m').setIssuer('https://id.hue.gov.vn').setAudience('onestop'),
    );
    await expect(verify(good)).resolves.toMatchObject({ id: 'u-1' });
    for (const bad of [
      await sign((jwt) => jwt.setExpirationTime('5m')),
      await sign((jwt) => jwt.setExpirationTime('5m').setIssuer('https://evil.example').setAudience('onestop')),
      await sign((jwt) => jwt.setExpirationTime('5m').setIssuer('https://id.hue.gov.vn').setAudience('another-app')),
      await sign((jwt) => jwt.setExpirationTime('5m').setIssuer('https://id.hue.gov.vn')),
    ]) {
      await expect(verify(bad)).rejects.toBeInstanceOf(InvalidTokenError);
    }
  });

  it('the tokens the test kit and npm start sign expire', async () => {
    const token = await signToken(secret, { role: 'ADMIN', centre: '000.00.12.H57' }, '12h');
    const exp = decodeJwt(token).exp!;
    expect(exp * 1000).toBeGreaterThan(Date.now());
    expect(exp * 1000).toBeLessThanOrEqual(Date.now() + 12 * 3600_000 + 5000);
  });
});
