import { NATIONAL_STATUS_CODES } from '@onestop/events';
import {
  ACTIONS,
  STATUSES,
  mayBeBehind,
  nextStatus,
  transition,
  RefusedTransition,
  type DossierStatus,
  type LifecycleAction,
} from './lifecycle';

/**
 * The transition table written out by hand, from docs/DESIGN.md's typical paths
 * (1→2|3; 2→4; 4→5→4; 4→6→4; 4→8; 2|4|5→7; 4→9→10) plus the actions that keep the status.
 * Every pair not listed here must be refused.
 */
const ALLOWED: Record<string, DossierStatus> = {
  'NEW ACCEPT': 'RECEIVED',
  'NEW REFUSE': 'NOT_ACCEPTED',
  'RECEIVED COMPLETE_STEP': 'PROCESSING',
  'PROCESSING COMPLETE_STEP': 'PROCESSING',
  'PROCESSING REQUEST_SUPPLEMENT': 'SUPPLEMENT_REQUESTED',
  'SUPPLEMENT_REQUESTED SUBMIT_SUPPLEMENT': 'PROCESSING',
  'PROCESSING REQUEST_FINANCIAL_OBLIGATION': 'FINANCIAL_OBLIGATION',
  'FINANCIAL_OBLIGATION CONFIRM_FINANCIAL_OBLIGATION': 'PROCESSING',
  'RECEIVED WITHDRAW': 'WITHDRAWN',
  'PROCESSING WITHDRAW': 'WITHDRAWN',
  'SUPPLEMENT_REQUESTED WITHDRAW': 'WITHDRAWN',
  'PROCESSING STOP': 'STOPPED',
  'PROCESSING DECIDE': 'RESOLVED',
  'RESOLVED RETURN_RESULT': 'RETURNED',
  'RECEIVED TRANSFER': 'RECEIVED',
  'PROCESSING TRANSFER': 'PROCESSING',
  'RECEIVED APOLOGISE': 'RECEIVED',
  'PROCESSING APOLOGISE': 'PROCESSING',
  'RECEIVED ASSIGN': 'RECEIVED',
  'PROCESSING ASSIGN': 'PROCESSING',
  'PROCESSING SEND_BACK': 'PROCESSING',
  'PROCESSING ACCEPT_INTER_AGENCY': 'PROCESSING',
  'PROCESSING RETURN_INTER_AGENCY': 'PROCESSING',
};

const pairs: Array<[DossierStatus, LifecycleAction]> = STATUSES.flatMap((s) =>
  ACTIONS.map((a) => [s, a] as [DossierStatus, LifecycleAction]),
);

describe('the dossier lifecycle', () => {
  it('has the ten national statuses, coded 1 to 10', () => {
    expect(STATUSES.map((s) => NATIONAL_STATUS_CODES[s])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('covers all 170 pairs of status and action', () => {
    expect(pairs).toHaveLength(170);
  });

  it.each(pairs)('%s × %s', (status, action) => {
    const expected = ALLOWED[`${status} ${action}`];
    if (expected) {
      expect(nextStatus(status, action)).toBe(expected);
      expect(transition(status, action)).toBe(expected);
    } else {
      expect(nextStatus(status, action)).toBeNull();
      expect(() => transition(status, action)).toThrow(RefusedTransition);
    }
  });

  it('lets nothing leave the final statuses 3, 7, 8 and 10', () => {
    for (const status of ['NOT_ACCEPTED', 'WITHDRAWN', 'STOPPED', 'RETURNED'] as DossierStatus[]) {
      expect(ACTIONS.filter((a) => nextStatus(status, a) !== null)).toEqual([]);
    }
  });
});

describe('mayBeBehind', () => {
  it('holds exactly where intake (acceptance, supplementation) or delivery (return) moves the dossier on', () => {
    expect(STATUSES.filter(mayBeBehind).sort()).toEqual(['NEW', 'RESOLVED', 'SUPPLEMENT_REQUESTED']);
  });
});
