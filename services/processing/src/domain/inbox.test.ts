import { inboxScope } from './inbox';

describe('the inbox filters', () => {
  it('lists the running clocks by default and under a running status or deadline', () => {
    expect(inboxScope({})).toBe('running');
    expect(inboxScope({ status: 'PROCESSING' })).toBe('running');
    expect(inboxScope({ deadline: 'OVERDUE', procedureCode: 'X' })).toBe('running');
  });

  it('lists the stopped clocks under PAUSED or a paused status', () => {
    expect(inboxScope({ deadline: 'PAUSED' })).toBe('paused');
    expect(inboxScope({ status: 'SUPPLEMENT_REQUESTED' })).toBe('paused');
    expect(inboxScope({ status: 'FINANCIAL_OBLIGATION', deadline: 'PAUSED' })).toBe('paused');
  });

  it('finds nothing for filters that contradict each other, or a status no inbox holds', () => {
    expect(inboxScope({ status: 'PROCESSING', deadline: 'PAUSED' })).toBe('none');
    expect(inboxScope({ status: 'SUPPLEMENT_REQUESTED', deadline: 'OVERDUE' })).toBe('none');
    expect(inboxScope({ status: 'RETURNED' })).toBe('none');
  });
});
