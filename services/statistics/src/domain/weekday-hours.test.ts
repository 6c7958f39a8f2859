import { isoWeekday, weekdayHours } from './weekday-hours';

describe('reception folded onto a week (weekday × hour)', () => {
  it('names ISO weekdays of local dates: Monday 1 … Sunday 7', () => {
    expect(isoWeekday('2025-03-03')).toBe(1);
    expect(isoWeekday('2025-03-08')).toBe(6);
    expect(isoWeekday('2025-03-09')).toBe(7);
    expect(isoWeekday('2024-02-29')).toBe(4);
  });

  it('adds the same weekday and hour of different weeks and averages over every such weekday of the period', () => {
    // March 2025 has five Mondays (3, 10, 17, 24, 31) four Tuesdays and five Saturdays.
    const cells = weekdayHours(
      [
        { day: '2025-03-03', hour: 8, received: 3, atCounter: 2 },
        { day: '2025-03-10', hour: 8, received: 2, atCounter: 2 },
        { day: '2025-03-10', hour: 14, received: 1, atCounter: 0 },
        { day: '2025-03-04', hour: 8, received: 1, atCounter: 1 },
        { day: '2025-03-08', hour: 9, received: 1, atCounter: 0 },
      ],
      '2025-03-01',
      '2025-03-31',
    );
    expect(cells).toEqual([
      { weekday: 1, hour: 8, received: 5, atCounter: 4, averagePerDay: 1 },
      { weekday: 1, hour: 14, received: 1, atCounter: 0, averagePerDay: 0.2 },
      { weekday: 2, hour: 8, received: 1, atCounter: 1, averagePerDay: 0.25 },
      { weekday: 6, hour: 9, received: 1, atCounter: 0, averagePerDay: 0.2 },
    ]);
  });

  it('ignores counts outside the period and answers nothing for a quiet period', () => {
    expect(
      weekdayHours([{ day: '2025-02-28', hour: 8, received: 4, atCounter: 4 }], '2025-03-01', '2025-03-02'),
    ).toEqual([]);
  });
});
