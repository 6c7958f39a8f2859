import type { DataSource, EntityManager } from 'typeorm';
import { SatisfactionRating } from './entities/satisfaction-rating.entity';

/** The applicant's rating, one per dossier (primary key). */
export interface RatingStore {
  exists(dossierId: string): Promise<boolean>;
  insert(rating: SatisfactionRating): Promise<SatisfactionRating>;
  /** A rating from a historical import: false when the dossier has one already (a replayed event). */
  insertImported(rating: Pick<SatisfactionRating, 'dossierId' | 'overall' | 'ratedAt'>): Promise<boolean>;
}

export class SqlRatingStore implements RatingStore {
  constructor(private readonly manager: EntityManager) {}

  exists(dossierId: string): Promise<boolean> {
    return this.manager.existsBy(SatisfactionRating, { dossierId });
  }

  async insert(rating: SatisfactionRating): Promise<SatisfactionRating> {
    const row = this.manager.create(SatisfactionRating, rating);
    await this.manager.insert(SatisfactionRating, row);
    return row;
  }

  async insertImported(rating: Pick<SatisfactionRating, 'dossierId' | 'overall' | 'ratedAt'>): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO satisfaction_rating (dossier_id, overall, comment, rated_at) VALUES ($1, $2, NULL, $3) ON CONFLICT DO NOTHING RETURNING dossier_id`,
      [rating.dossierId, rating.overall, rating.ratedAt],
    );
    return rows.length > 0;
  }
}

export function ratingOf(db: DataSource, dossierId: string): Promise<SatisfactionRating | null> {
  return db.getRepository(SatisfactionRating).findOneBy({ dossierId });
}
