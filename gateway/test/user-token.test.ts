import http from 'node:http';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createUserTokenVerifier, InvalidTokenError } from '../src/user-token';

describe("users' tokens", () => {
  it("accepts an HS256 token with the contract's claims and turns them into the caller", async () => {
    const secret = 'a-development-secret-of-enough-length';
    const verify = createUserTokenVerifier({ jwtSecret: secret });
    const token = await new SignJWT({ name: 'Trần Thị Bình', role: 'SPECIALIST', centre: '000.00.12.H57' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-42')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    expect(await verify(token)).toEqual({
      id: 'u-42',
      name: 'Trần Thị Bình',
      role: 'SPECIALIST',
      centre: '000.00.12.H57',
    });
  });

  it('refuses expired tokens, unknown roles, and officers without a centre', async () => {
    const secret = 'a-development-secret-of-enough-length';
    const verify = createUserTokenVerifier({ jwtSecret: secret });
    const sign = (claims: object, exp = '5m') =>
      new SignJWT(claims as never)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u')
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));
    await expect(verify(await sign({ role: 'ADMIN', centre: 'X' }, '-1m'))).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verify(await sign({ role: 'SUPERUSER', centre: 'X' }))).rejects.toThrow(/role/);
    await expect(verify(await sign({ role: 'LEADER' }))).rejects.toThrow(/centre/);
    await expect(verify(await sign({ role: 'CITIZEN' }))).rejects.toThrow(/identityNumber/);
  });

  it('verifies tokens of an OpenID provider against its published key set', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = http.createServer((_req, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const verify = createUserTokenVerifier({
        jwksUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks`,
      });
      const token = await new SignJWT({ role: 'CITIZEN', identityNumber: '046090001234', name: 'Lê Văn C' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('citizen-7')
        .setExpirationTime('5m')
        .sign(privateKey);
      expect(await verify(token)).toEqual({
        id: 'citizen-7',
        name: 'Lê Văn C',
        role: 'CITIZEN',
        identityNumber: '046090001234',
      });

      const stranger = await generateKeyPair('RS256');
      const forged = await new SignJWT({ role: 'ADMIN', centre: 'X' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('x')
        .setExpirationTime('5m')
        .sign(stranger.privateKey);
      await expect(verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    } finally {
      server.close();
    }
  });
  it('keeps a verified token no longer than its exp', async () => {
    const secret = 'a-development-secret-of-enough-length';
    const verify = createUserTokenVerifier({ jwtSecret: secret });
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({ role: 'LEADER', centre: 'X' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));
    expect(await verify(token)).toMatchObject({ id: 'u', role: 'LEADER' });
    expect(await verify(token)).toMatchObject({ id: 'u', role: 'LEADER' });
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
    await expect(verify(token)).rejects.toThrow(/exp/);
  });

  it('does not keep a refusal: a token refused while the key set was unreachable verifies once it is back', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    let up = false;
    const server = http.createServer((_req, res) =>
      up
        ? res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] }))
        : res.writeHead(503).end(),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const verify = createUserTokenVerifier({
        jwksUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks`,
      });
      const token = await new SignJWT({ role: 'OBSERVER', centre: 'X' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('o-1')
        .setExpirationTime('5m')
        .sign(privateKey);
      await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
      up = true;
      await new Promise((r) => setTimeout(r, 50));
      expect(await verify(token)).toMatchObject({ id: 'o-1', role: 'OBSERVER' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
