import { addDays, bucketsOf, bucketTerms, dayOf, monthOf, monthsOf, yearOf, type BucketTerm } from './days';

describe('days and buckets', () => {
  it('takes the local day in Asia/Ho_Chi_Minh, not the UTC day', () => {
    expect(dayOf(new Date('2025-03-04T17:30:00Z'))).toBe('2025-03-05');
    expect(dayOf(new Date('2025-03-04T16:59:59Z'))).toBe('2025-03-04');
  });

  it('counts an event in its day, month and year', () => {
    expect(bucketsOf('2025-03-05')).toEqual([
      { grain: 'D', bucket: '2025-03-05' },
      { grain: 'M', bucket: '2025-03-01' },
      { grain: 'Y', bucket: '2025-01-01' },
    ]);
  });

  it('splits a period into months clipped to it', () => {
    expect(monthsOf('2025-01-15', '2025-03-10')).toEqual([
      { key: '2025-01', start: '2025-01-15', end: '2025-02-01' },
      { key: '2025-02', start: '2025-02-01', end: '2025-03-01' },
      { key: '2025-03', start: '2025-03-01', end: '2025-03-11' },
    ]);
    expect(monthsOf('2024-12-31', '2024-12-31')).toEqual([{ key: '2024-12', start: '2024-12-31', end: '2025-01-01' }]);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  /** How many times the terms of `output` count an event of `day` (it sits in its day, month and year buckets). */
  const weight = (terms: BucketTerm[], output: number, day: string) =>
    terms
      .filter((t) => t.output === output)
      .reduce((w, t) => {
        const bucket = t.grain === 'D' ? day : t.grain === 'M' ? monthOf(day) : yearOf(day);
        return w + ((t.from === null || bucket >= t.from) && bucket < t.to ? t.coefficient : 0);
      }, 0);

  it('reads every day before a boundary exactly once, and between two boundaries exactly once', () => {
    const cases = [
      ['2025-03-07', '2025-08-20'],
      ['2025-01-01', '2026-01-01'],
      ['2024-12-31', '2025-01-01'],
      ['2023-02-28', '2025-03-16', '2025-03-17'],
      ['2025-07-16', '2025-07-17'],
      ['2024-02-29', '2024-03-01', '2024-04-01', '2024-12-01', '2025-01-01'],
    ];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 30; i++) {
      const a = addDays('2023-01-01', Math.floor(random() * 1100));
      cases.push([a, addDays(a, 1 + Math.floor(random() * 400))]);
    }
    for (const boundaries of cases) {
      const terms = bucketTerms(boundaries);
      for (let day = '2020-12-25'; day < '2027-01-05'; day = addDays(day, 1)) {
        boundaries.forEach((b, i) => {
          const inside = day < b && (i === 0 || day >= boundaries[i - 1]) ? 1 : 0;
          if (weight(terms, i, day) !== inside)
            throw new Error(`${boundaries.join(' ')}: output ${i}, day ${day}: ${weight(terms, i, day)} ≠ ${inside}`);
        });
      }
    }
  });

  it('reads few buckets: a year-aligned period its year rows, any period at most a few dozen', () => {
    expect(bucketTerms(['2025-01-01', '2026-01-01'])).toEqual([
      { output: 0, grain: 'Y', from: null, to: '2025-01-01', coefficient: 1 },
      { output: 1, grain: 'Y', from: '2025-01-01', to: '2026-01-01', coefficient: 1 },
    ]);
    const buckets = (terms: BucketTerm[]) =>
      terms.reduce(
        (n, t) =>
          n +
          (t.from === null
            ? 0
            : (Date.parse(t.to) - Date.parse(t.from)) /
              86_400_000 /
              (t.grain === 'D' ? 1 : t.grain === 'M' ? 28 : 365)),
        0,
      );
    expect(buckets(bucketTerms(['2025-03-07', '2025-08-20']))).toBeLessThanOrEqual(40);
  });
});
