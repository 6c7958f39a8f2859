import { DownloadLinks } from '../src/deps';

/** A link sent before DOWNLOAD_LINK_SECRET was rotated must still open during its 72 hours. */
describe('download links across a rotation of DOWNLOAD_LINK_SECRET', () => {
  const query = (url: string) => {
    const parsed = new URL(url, 'http://localhost');
    return {
      dossierId: decodeURIComponent(parsed.pathname.split('/').pop()!),
      expires: parsed.searchParams.get('expires'),
      signature: parsed.searchParams.get('signature'),
    };
  };
  const before = new DownloadLinks('old-secret-0123456789abcdef', 3600_000);

  it('verifies a link signed with the previous secret while it is configured', () => {
    const rotated = new DownloadLinks(
      'new-secret-0123456789abcdef',
      3600_000,
      undefined,
      'old-secret-0123456789abcdef',
    );
    expect(rotated.verify(query(before.urlFor('d-1')))).toEqual({ valid: true });
    expect(rotated.verify(query(rotated.urlFor('d-1')))).toEqual({ valid: true });
  });

  it('refuses it once the previous secret is dropped, and never stretches an expired link', () => {
    const after = new DownloadLinks('new-secret-0123456789abcdef', 3600_000);
    expect(after.verify(query(before.urlFor('d-1')))).toEqual({ valid: false, reason: 'BAD_SIGNATURE' });
    const rotated = new DownloadLinks(
      'new-secret-0123456789abcdef',
      3600_000,
      undefined,
      'old-secret-0123456789abcdef',
    );
    const old = query(before.urlFor('d-1', new Date(Date.now() - 2 * 3600_000)));
    expect(rotated.verify(old)).toEqual({ valid: false, reason: 'EXPIRED' });
  });
});
