/**
 * Rules of the centre tree (Trung tâm Phục vụ hành chính công at province, district, commune
 * level). The tree has any depth: since July 2025 communes hang directly under the province,
 * while older trees keep their districts.
 */
export type CentreLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

const RANK: Record<CentreLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };

/**
 * Electronic agency codes (mã định danh điện tử của cơ quan, Decision 20/2020/QĐ-TTg) look like
 * 000.00.12.H57: dot-separated groups of letters and digits. We accept any such code up to 32
 * characters; a '-' is refused because the dossier code uses it as its separator.
 */
export function centreCodeProblem(code: string): string | null {
  if (typeof code !== 'string' || code.trim() === '') return 'A centre code is required';
  if (code.length > 32) return 'A centre code has at most 32 characters';
  if (!/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/.test(code))
    return 'A centre code is letters and digits in dot-separated groups, e.g. 000.00.12.H57';
  return null;
}

export function centreNameProblem(name: string): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'A centre name is required';
  if (name.length > 200) return 'A centre name has at most 200 characters';
  return null;
}

/**
 * Levels nest downwards only: a centre sits under one of a higher level (a commune under a
 * district or the province, a district under the province), never under its own level or lower.
 */
export function parentLevelProblem(child: CentreLevel, parent: CentreLevel): string | null {
  return RANK[child] <= RANK[parent] ? `A ${child} centre cannot sit under a ${parent} centre` : null;
}

/**
 * Moving `centreId` under `newParentId` makes a cycle when the new parent is the centre itself
 * or lies below it, i.e. when the centre is among the new parent's ancestors (itself included).
 */
export function wouldMakeCycle(centreId: string, newParentAncestorIds: readonly string[]): boolean {
  return newParentAncestorIds.includes(centreId);
}
