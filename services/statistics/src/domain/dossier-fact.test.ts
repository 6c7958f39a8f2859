import { zeroMeasures, addMeasures, mergeDeltas, type CounterDelta, type Measures } from './measures';
import { assignDue, closeUnresolved, rate, receive, resolve, type FactState, type Transition } from './dossier-fact';
import { dayOf, addDays } from './days';
import { openAt } from './figures';

/** The counters' prefix sum at the start of `day`, from a dossier's whole history of deltas. */
function stockAt(deltas: CounterDelta[], day: string): Measures {
  return deltas.filter((d) => d.day < day).reduce((m, d) => addMeasures(m, d.measures), zeroMeasures());
}

const at = (local: string) => new Date(`${local}+07:00`);

function run(f: FactState, ...steps: Array<(f: FactState) => Transition>): { fact: FactState; deltas: CounterDelta[] } {
  const deltas: CounterDelta[] = [];
  for (const step of steps) {
    const t = step(f);
    f = { ...f, ...t.patch };
    deltas.push(...t.deltas);
  }
  return { fact: f, deltas: mergeDeltas(deltas) };
}

const fresh = (channel: FactState['channel'] = 'COUNTER'): FactState => ({
  channel,
  receivedAt: null,
  dueAt: null,
  resolvedAt: null,
  closedAt: null,
  overdueFrom: null,
  satisfaction: null,
  ratedAt: null,
});

describe('a dossier fact and its counters', () => {
  it('is open from the day after reception until the day it is resolved, and overdue from the day after its due day', () => {
    const { fact, deltas } = run(
      fresh('ONLINE'),
      (f) => receive(f, at('2025-03-03T09:00:00'), at('2025-03-07T17:00:00')),
      (f) => resolve(f, at('2025-03-12T10:00:00'), at('2025-03-07T17:00:00'), 7.1234567),
    );
    expect(fact).toMatchObject({ outcome: 'LATE', processingDays: 7.1235, overdueFrom: null });
    const open = (day: string) => openAt(stockAt(deltas, day));
    const overdue = (day: string) => stockAt(deltas, day).overdueDelta;
    expect([open('2025-03-03'), open('2025-03-04'), open('2025-03-12'), open('2025-03-13')]).toEqual([0, 1, 1, 0]);
    expect([overdue('2025-03-07'), overdue('2025-03-08'), overdue('2025-03-12'), overdue('2025-03-13')]).toEqual([
      0, 1, 1, 0,
    ]);
    expect(stockAt(deltas, '2025-04-01')).toMatchObject({ receivedOnline: 1, resolvedLate: 1, processingDays: 7.1235 });
  });

  it('resolved on its due day is ON_TIME, before is EARLY, and neither is ever overdue', () => {
    const onTime = run(
      fresh(),
      (f) => receive(f, at('2025-03-03T09:00:00'), at('2025-03-07T17:00:00')),
      (f) => resolve(f, at('2025-03-07T16:00:00'), at('2025-03-07T17:00:00'), 4),
    );
    const early = run(
      fresh(),
      (f) => receive(f, at('2025-03-03T09:00:00'), at('2025-03-07T17:00:00')),
      (f) => resolve(f, at('2025-03-05T16:00:00'), at('2025-03-07T17:00:00'), 2),
    );
    expect(onTime.fact).toMatchObject({ outcome: 'ON_TIME' });
    expect(early.fact).toMatchObject({ outcome: 'EARLY' });
    for (const { deltas } of [onTime, early]) {
      for (let d = '2025-03-01'; d < '2025-03-20'; d = addDays(d, 1)) expect(stockAt(deltas, d).overdueDelta).toBe(0);
    }
  });

  it('a pause clears the due date from the day it starts, so a report of an earlier day still shows it overdue', () => {
    const { deltas } = run(
      fresh(),
      (f) => receive(f, at('2025-03-03T09:00:00'), at('2025-03-05T17:00:00')),
      (f) => assignDue(f, at('2025-03-10T09:00:00'), null),
      (f) => assignDue(f, at('2025-03-14T09:00:00'), at('2025-03-18T17:00:00')),
      (f) => closeUnresolved(f, at('2025-03-20T09:00:00')),
    );
    const overdue = (day: string) => stockAt(deltas, day).overdueDelta;
    expect(
      ['2025-03-06', '2025-03-10', '2025-03-11', '2025-03-18', '2025-03-19', '2025-03-20', '2025-03-21'].map(overdue),
    ).toEqual([1, 1, 0, 0, 1, 1, 0]);
    expect(openAt(stockAt(deltas, '2025-03-21'))).toBe(0);
    expect(stockAt(deltas, '2025-03-21').closedUnresolved).toBe(1);
  });

  it('counts nothing for a dossier never received, and a re-rating replaces the rating', () => {
    expect(closeUnresolved(fresh('ONLINE'), at('2025-03-03T09:00:00')).deltas).toEqual([]);
    const { deltas } = run(
      fresh(),
      (f) => rate(f, 'NOT_SATISFIED', at('2025-03-03T09:00:00')),
      (f) => rate(f, 'SATISFIED', at('2025-03-04T09:00:00')),
    );
    expect(stockAt(deltas, '2025-04-01')).toMatchObject({ ratings: 1, ratingsSatisfied: 1 });
    expect(dayOf(at('2025-03-03T23:30:00'))).toBe('2025-03-03');
  });
});
