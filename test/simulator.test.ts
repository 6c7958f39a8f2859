import { WorkingCalendar } from '@onestop/calendar';
import { optionsFrom } from '../scripts/simulate';
import { generate } from '../scripts/simulate/generate';

describe("the simulator's province-year", () => {
  it('keeps the Huế 2018 shares by default: 3.8 % of the resolved late, the in-progress count as asked', () => {
    const o = optionsFrom(new Map([['size', '20000'], ['seed', '2018']]));
    const { total, lines } = generate(new WorkingCalendar(), o);
    expect(lines).toHaveLength(20_000);
    expect(total.received).toBe(20_000);
    expect(total.inProgress).toBe(o.inProgress);
    expect(total.resolved + total.inProgress).toBe(total.received);
    expect(total.resolvedLate / total.resolved).toBeCloseTo(0.038, 3);
    expect((total.resolvedEarly + total.resolvedOnTime) / total.resolved).toBeGreaterThan(0.96);
  });
});
