import type { DeliveryContext } from '../deps';
import { can } from './access';
import type { NotificationView } from './delivery';
import { returnsDesk } from './returns-desk';

export const Query = {
  returnsDesk,

  async failedNotifications(_: unknown, args: { limit?: number | null }, ctx: DeliveryContext): Promise<NotificationView[]> {
    await can.operate(ctx, 'failedNotifications');
    const limit = Math.min(Math.max(args.limit ?? 100, 1), 500);
    const rows = await ctx.db.query(
      `SELECT n.id, n.dossier_id AS "dossierId", d.dossier_code AS "dossierCode", n.kind, n.channel, n.status, n.recipient,
              n.subject, n.attempts, n.last_error AS "lastError", n.created_at AS "createdAt", n.sent_at AS "sentAt"
         FROM notification n JOIN delivery d ON d.dossier_id = n.dossier_id
        WHERE n.status = 'FAILED' ORDER BY n.created_at DESC LIMIT $1`,
      [limit],
    );
    return rows;
  },
};
