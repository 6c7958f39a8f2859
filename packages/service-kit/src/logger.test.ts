import { Writable } from 'node:stream';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { lines, stream };
}

describe('logs carry correlation ids, not personal data', () => {
  it('a reception\'s log line (the DossierSubmitted payload) has the correlation id and no identity number, name, phone or address', () => {
    const { lines, stream } = capture();
    const logger = createLogger('intake', stream).child({ correlationId: 'corr-42' });
    logger.info({
      event: {
        type: 'DossierSubmitted',
        payload: {
          dossierId: 'd-1', code: 'H57-260105-0001',
          applicant: { kind: 'CITIZEN', identityNumber: '046090001234', fullName: 'Nguyễn Văn An', phone: '0905123456', email: 'an@example.vn' },
          delivery: { method: 'POST', address: '12 Lê Lợi, Huế' },
        },
      },
      input: { applicant: { identityNumber: '046090001234', fullName: 'Nguyễn Văn An' } },
    }, 'dossier received');
    const line = lines.join('');
    expect(JSON.parse(line)).toMatchObject({ correlationId: 'corr-42', msg: 'dossier received' });
    expect(line).toContain('H57-260105-0001');
    for (const personal of ['046090001234', 'Nguyễn Văn An', '0905123456', 'an@example.vn', '12 Lê Lợi']) expect(line).not.toContain(personal);
  });

  it('a caller\'s bearer token never reaches the logs', () => {
    const { lines, stream } = capture();
    createLogger('gateway', stream).info({ req: { headers: { authorization: 'Bearer secret.jwt' } } }, 'request');
    expect(lines.join('')).not.toContain('secret.jwt');
  });
});
