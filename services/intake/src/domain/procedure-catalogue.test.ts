import { procedureProblems, type ProcedureDraft } from './procedure-catalogue';

const draft: ProcedureDraft = {
  code: '2.001417',
  name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  sector: 'Lý lịch tư pháp',
  levels: ['PROVINCE'],
  feeVnd: 200000,
  processingTime: { amount: 10, unit: 'WORKING_DAYS' },
  components: [{ code: 'TK', name: 'Tờ khai', required: true, documentType: 'TK_LLTP' }],
};

describe('procedure drafts', () => {
  it('accepts a complete draft', () => {
    expect(procedureProblems(draft)).toEqual([]);
  });

  it('lists every problem at once', () => {
    const problems = procedureProblems({
      ...draft,
      code: '',
      name: ' ',
      levels: [],
      feeVnd: -1,
      processingTime: { amount: 0, unit: 'WORKING_DAYS' },
      components: [
        { code: 'A', name: 'x', required: true, documentType: 'T' },
        { code: 'A', name: '', required: false, documentType: '' },
      ],
    });
    expect(problems).toEqual([
      expect.stringMatching(/^code/),
      'name is required',
      'levels: at least one level',
      expect.stringMatching(/^feeVnd/),
      expect.stringMatching(/^processingTime/),
      'components: A appears twice',
      'components: A needs a name',
      'components: A needs a documentType',
    ]);
  });

  it('refuses a processing time the calendar cannot count', () => {
    expect(procedureProblems({ ...draft, processingTime: { amount: 100000, unit: 'CALENDAR_DAYS' } })).toHaveLength(1);
  });
});
