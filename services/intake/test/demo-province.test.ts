import { centreCodeProblem, parentLevelProblem } from '../src/domain/centre-tree';
import { procedureProblems } from '../src/domain/procedure-catalogue';
import { DEMO_CENTRES, DEMO_LEGAL_BASIS, DEMO_PROCEDURES, DEMO_PROVINCE } from '@onestop/demo-province';

describe('demo province', () => {
  it('lists every centre after its parent, with valid codes and levels', () => {
    const seen = new Map<string, (typeof DEMO_CENTRES)[number]>();
    for (const centre of DEMO_CENTRES) {
      expect(centreCodeProblem(centre.code)).toBeNull();
      if (centre.parentCode) {
        const parent = seen.get(centre.parentCode);
        expect(parent).toBeDefined();
        expect(parentLevelProblem(centre.level, parent!.level)).toBeNull();
      }
      seen.set(centre.code, centre);
    }
    expect(DEMO_CENTRES.filter((c) => c.parentCode === null)).toHaveLength(1);
  });

  it("has about fifteen valid procedures, each with a workflow ending in a leader's decision", () => {
    expect(DEMO_PROCEDURES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(DEMO_PROCEDURES.map((p) => p.code)).size).toBe(DEMO_PROCEDURES.length);
    for (const p of DEMO_PROCEDURES) {
      expect({ code: p.code, problems: procedureProblems(p) }).toEqual({ code: p.code, problems: [] });
      expect(p.workflow.at(-1)!.role).toBe('LEADER');
      expect(new Set(p.workflow.map((s) => s.code)).size).toBe(p.workflow.length);
      expect(p.workflow.every((s) => Number.isInteger(s.durationHours) && s.durationHours >= 1)).toBe(true);
    }
  });

  it('sends nothing but ProcedureInput fields and the workflow, and names the law behind every processing time', () => {
    for (const p of DEMO_PROVINCE.procedures) {
      expect(Object.keys(p).sort()).toEqual([
        'code',
        'components',
        'feeVnd',
        'levels',
        'name',
        'processingTime',
        'sector',
        'workflow',
      ]);
      expect(DEMO_LEGAL_BASIS[p.code]).toMatch(/\S/);
    }
  });

  it('includes the judicial record certificate with its ten working days', () => {
    expect(DEMO_PROCEDURES.find((p) => p.code === 'LLTP-01')!.processingTime).toEqual({
      amount: 10,
      unit: 'WORKING_DAYS',
    });
  });
});
