import type { EntityManager } from 'typeorm';
import { OfficerRow } from './entities/officer.entity';

const byName = new Intl.Collator('vi');

/** The officer directory (officer): whom a step may be assigned to, and the names holdings show. */

export interface Officer {
  id: string;
  name: string;
  role: OfficerRow['role'];
  centreId: string;
}

/** Records (or refreshes) an officer whose token reached processing. */
export async function recordOfficer(manager: EntityManager, officer: Officer, at: Date): Promise<void> {
  await manager.query(
    `INSERT INTO officer (id, name, role, centre_id, seen_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, centre_id = excluded.centre_id, seen_at = excluded.seen_at`,
    [officer.id, officer.name, officer.role, officer.centreId, at],
  );
}

export async function officerById(manager: EntityManager, id: string): Promise<Officer | null> {
  const row = await manager.findOneBy(OfficerRow, { id });
  return row ? { id: row.id, name: row.name, role: row.role, centreId: row.centreId } : null;
}

export async function officersByIds(manager: EntityManager, ids: readonly string[]): Promise<Officer[]> {
  if (!ids.length) return [];
  const rows: Array<{ id: string; name: string; role: Officer['role']; centre_id: string }> = await manager.query(
    `SELECT id, name, role, centre_id FROM officer WHERE id = ANY($1::text[])`,
    [ids],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, centreId: r.centre_id }));
}

/** A centre's officers, of one role or all, by name. */
export async function officersOf(manager: EntityManager, centreId: string, role: string | null): Promise<Officer[]> {
  const rows = await manager.find(OfficerRow, {
    where: role ? { centreId, role: role as Officer['role'] } : { centreId },
    take: 500,
  });
  // Vietnamese order (Đ after D), which the database's C collation does not give
  return rows
    .map((r) => ({ id: r.id, name: r.name, role: r.role, centreId: r.centreId }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
}
