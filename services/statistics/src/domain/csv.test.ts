import { reportToCsv } from './csv';
import { sumFigures, figuresBetween } from './figures';
import { zeroMeasures } from './measures';

describe('CSV export', () => {
  it('quotes labels with commas and quotes, leaves null rates empty, and ends with the total', () => {
    const row = {
      key: 'P1',
      label: 'Cấp phiếu "LLTP", số 1',
      ...figuresBetween(zeroMeasures(), { ...zeroMeasures(), receivedOnline: 2 }),
    };
    const csv = reportToCsv({
      from: '2025-01-01',
      to: '2025-01-31',
      groupBy: 'PROCEDURE',
      rows: [row],
      total: { key: 'TOTAL', label: 'Tổng cộng', ...sumFigures([row]) },
    });
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 6)).toEqual([
      'key',
      'label',
      'received',
      'receivedOnline',
      'receivedOffline',
      'carriedOver',
    ]);
    expect(lines[1]).toBe('P1,"Cấp phiếu ""LLTP"", số 1",2,2,0,0,0,0,0,0,0,2,2,0,,,0,');
    expect(lines[2].startsWith('TOTAL,Tổng cộng,2,2,0,')).toBe(true);
  });
});
