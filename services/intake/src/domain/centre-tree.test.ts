import { centreCodeProblem, centreNameProblem, parentLevelProblem, wouldMakeCycle } from './centre-tree';

describe('centre codes', () => {
  it('accepts electronic agency codes and short codes', () => {
    for (const code of ['000.00.12.H57', 'H57', '000.00.00.H57', 'A1.b2']) expect(centreCodeProblem(code)).toBeNull();
  });

  it('refuses empty, overlong, dashed and malformed codes', () => {
    expect(centreCodeProblem('')).toMatch(/required/);
    expect(centreCodeProblem('   ')).toMatch(/required/);
    expect(centreCodeProblem('A'.repeat(33))).toMatch(/32/);
    expect(centreCodeProblem('000-00')).toMatch(/dot-separated/);
    expect(centreCodeProblem('.H57')).toMatch(/dot-separated/);
    expect(centreCodeProblem('H57.')).toMatch(/dot-separated/);
    expect(centreCodeProblem('H 57')).toMatch(/dot-separated/);
  });

  it('wants a name', () => {
    expect(centreNameProblem(' ')).toMatch(/required/);
    expect(centreNameProblem('Trung tâm PVHCC tỉnh')).toBeNull();
  });
});

describe('the tree', () => {
  it('allows a commune directly under the province or under a district, and a district under the province', () => {
    expect(parentLevelProblem('COMMUNE', 'PROVINCE')).toBeNull();
    expect(parentLevelProblem('COMMUNE', 'DISTRICT')).toBeNull();
    expect(parentLevelProblem('DISTRICT', 'PROVINCE')).toBeNull();
  });

  it('refuses a higher level under a lower one, and a centre under one of its own level', () => {
    expect(parentLevelProblem('PROVINCE', 'COMMUNE')).toMatch(/cannot sit/);
    expect(parentLevelProblem('DISTRICT', 'COMMUNE')).toMatch(/cannot sit/);
    expect(parentLevelProblem('COMMUNE', 'COMMUNE')).toMatch(/cannot sit/);
    expect(parentLevelProblem('DISTRICT', 'DISTRICT')).toMatch(/cannot sit/);
    expect(parentLevelProblem('PROVINCE', 'PROVINCE')).toMatch(/cannot sit/);
  });

  it('sees a cycle when the new parent is the centre or one of its descendants', () => {
    // new parent's chain: commune → district → province
    expect(wouldMakeCycle('district', ['commune', 'district', 'province'])).toBe(true);
    expect(wouldMakeCycle('commune', ['commune', 'district', 'province'])).toBe(true);
    expect(wouldMakeCycle('other', ['commune', 'district', 'province'])).toBe(false);
  });
});
