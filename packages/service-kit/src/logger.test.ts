import { Writable } from 'node:stream';
import { createLogger, errorLine } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('logs carry correlation ids, not personal data', () => {
  it("a reception's log line (the DossierSubmitted payload) has the correlation id and no identity number, name, phone or address", () => {
    const { lines, stream } = capture();
    const logger = createLogger('intake', stream).child({ correlationId: 'corr-42' });
    logger.info(
      {
        event: {
          type: 'DossierSubmitted',
          payload: {
            dossierId: 'd-1',
            code: 'H57-260105-0001',
            applicant: {
              kind: 'CITIZEN',
              identityNumber: '046090001234',
              fullName: 'Nguyễn Văn An',
              phone: '0905123456',
              email: 'an@example.vn',
            },
            delivery: { method: 'POST', address: '12 Lê Lợi, Huế' },
          },
        },
        input: { applicant: { identityNumber: '046090001234', fullName: 'Nguyễn Văn An' } },
      },
      'dossier received',
    );
    const line = lines.join('');
    expect(JSON.parse(line)).toMatchObject({ correlationId: 'corr-42', msg: 'dossier received' });
    expect(line).toContain('H57-260105-0001');
    for (const personal of ['046090001234', 'Nguyễn Văn An', '0905123456', 'an@example.vn', '12 Lê Lợi'])
      expect(line).not.toContain(personal);
  });

  it("a caller's bearer token never reaches the logs", () => {
    const { lines, stream } = capture();
    createLogger('gateway', stream).info({ req: { headers: { authorization: 'Bearer secret.jwt' } } }, 'request');
    expect(lines.join('')).not.toContain('secret.jwt');
  });
});

describe('errors are logged as errors, not as objects', () => {
  /** What pg hands to an error listener when the server ends a connection: the client rides along. */
  function terminatedConnection() {
    return Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      severity: 'FATAL',
      client: {
        connectionParameters: { user: 'postgres', password: 'pg-password-42', host: '127.0.0.1' },
        processID: 4242,
        secretKey: 918273645,
      },
    });
  }

  it("a pg error is one line with its message, code and where it came from, without the client's parameters or keys", () => {
    const { lines, stream } = capture();
    createLogger('processing', stream).error({ err: terminatedConnection() }, 'relay batch failed; retrying');
    expect(lines).toHaveLength(1);
    const line = lines[0];
    expect(JSON.parse(line).err).toEqual({
      type: 'Error',
      message: 'terminating connection due to administrator command',
      code: '57P01',
      at: expect.stringContaining('logger.test.ts'),
    });
    for (const secret of ['pg-password-42', '918273645', 'secretKey', 'connectionParameters', '4242', '"stack"'])
      expect(line).not.toContain(secret);
  });

  it('an error passed alone is serialised the same way, and its stack appears only at debug level', () => {
    const { lines, stream } = capture();
    // the level as the process's configuration parsed LOG_LEVEL (service-config.ts)
    createLogger('intake', stream, 'info').error(terminatedConnection());
    createLogger('intake', stream, 'debug').error(terminatedConnection());
    const [info, debug] = lines.map((l) => JSON.parse(l));
    expect(info.err).toMatchObject({ message: 'terminating connection due to administrator command', code: '57P01' });
    expect(info.err.stack).toBeUndefined();
    expect(debug.err.stack).toContain('logger.test.ts');
    expect(lines.join('')).not.toContain('pg-password-42');
  });

  it("a process's last words name the message, the code and the place", () => {
    expect(errorLine(terminatedConnection())).toMatch(
      /^terminating connection due to administrator command \(57P01\) at .*logger\.test\.ts/,
    );
    expect(errorLine('plain words')).toBe('plain words');
  });
});
