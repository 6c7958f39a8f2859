/**
 * A realistic province-year for the simulator: dossiers with their whole past lifecycle (JSON
 * Lines for the historical import) and the ground truth of report II.06a computed from them with
 * the report's own definitions (services/statistics README): counted at the receiving centre;
 * received = reached status 2 in the period (online / at the counter or by post); resolved = a
 * decision in the period, EARLY / ON_TIME / LATE by calendar day (Asia/Ho_Chi_Minh) against the
 * statutory due date moved only by supplementation pauses; in progress = received and neither
 * decided nor closed at the period's end, overdue when its clock runs and its due day is before
 * the end, not due otherwise (a paused dossier has no running due date).
 * Pure and seeded: the same options give the same file and the same truth.
 */
import { localDate, outcome, toLocalISOString, type WorkingCalendar } from '@onestop/calendar';

export interface SimProcedure {
  code: string;
  name: string;
  sector: string;
  processingTime: { amount: number; unit: 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'WORKING_HOURS' };
  /** The levels at which it is handled (any when absent): a dossier goes only to a centre of one of them. */
  levels?: readonly string[];
}

/** An applicant given every `every`-th dossier of a person (the demo citizen, so that their /me is not empty). */
export interface FeaturedApplicant {
  identityNumber: string;
  fullName: string;
  phone: string;
  email?: string;
  every: number;
}

/** Common procedures of a provincial centre, with statutory times (the simulator's own codes). */
export const SIM_PROCEDURES: SimProcedure[] = [
  {
    code: 'SIM-LLTP',
    name: 'Cấp Phiếu lý lịch tư pháp',
    sector: 'Tư pháp',
    processingTime: { amount: 10, unit: 'WORKING_DAYS' },
  },
  {
    code: 'SIM-DKKD',
    name: 'Đăng ký thành lập doanh nghiệp',
    sector: 'Kế hoạch và Đầu tư',
    processingTime: { amount: 3, unit: 'WORKING_DAYS' },
  },
  {
    code: 'SIM-GPXD',
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    sector: 'Xây dựng',
    processingTime: { amount: 15, unit: 'CALENDAR_DAYS' },
  },
  {
    code: 'SIM-GPLX',
    name: 'Đổi giấy phép lái xe',
    sector: 'Giao thông vận tải',
    processingTime: { amount: 5, unit: 'WORKING_DAYS' },
  },
  {
    code: 'SIM-CTDS',
    name: 'Chứng thực bản sao từ bản chính',
    sector: 'Tư pháp',
    processingTime: { amount: 8, unit: 'WORKING_HOURS' },
  },
  {
    code: 'SIM-DDDD',
    name: 'Đăng ký biến động đất đai',
    sector: 'Tài nguyên và Môi trường',
    processingTime: { amount: 10, unit: 'WORKING_DAYS' },
  },
];

export interface SimOptions {
  year: number;
  size: number;
  /** Centre codes; the first is the provincial centre (the root), the others are below it. */
  centres: string[];
  /** Share of dossiers per centre, same order (default: half at the province, the rest evenly). */
  centreWeights?: number[];
  /** Weight per procedure of SIM_PROCEDURES (same order). */
  procedureWeights: number[];
  channelWeights: { COUNTER: number; ONLINE: number; POST: number };
  /** Share of the resolved dossiers that are late. */
  lateShare: number;
  /** Share of the resolved dossiers that are on time (on the due day); the rest are early. */
  onTimeShare: number;
  /** Dossiers still in progress at the year's end (a count). */
  inProgress: number;
  seed: number;
  /**
   * A window ending at an instant instead of a calendar year: receptions from the local day `from`
   * to `until` (e.g. now), everything in the past of `until`; "in progress" is then at `until`.
   * Results decided in the window's last days are partly not returned yet (the returns desk).
   */
  window?: { from: string; until: Date };
  /** No reception on or after this local day (the window's last day may keep its dossier codes for live work). */
  receptionsBefore?: string;
  /** The procedures to draw from (default SIM_PROCEDURES), weighted by procedureWeights (same order; default even). */
  procedures?: readonly SimProcedure[];
  /** The centres' levels (same order as centres), to pick only procedures handled there. */
  centreLevels?: readonly string[];
  featured?: FeaturedApplicant;
}

/** The 2018 figures of the Thừa Thiên Huế provincial centre (docs/DESIGN.md). */
export const HUE_2018 = { size: 68_440, inProgress: 3_277, lateShare: 0.038 };

export interface GroundTruthRow {
  received: number;
  receivedOnline: number;
  receivedOffline: number;
  carriedOver: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgress: number;
  inProgressNotDue: number;
  inProgressOverdue: number;
}

export interface Simulation {
  lines: object[];
  truth: Map<string, GroundTruthRow>;
  total: GroundTruthRow;
}

/** mulberry32: small, fast, good enough for a seeded simulation. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const emptyRow = (): GroundTruthRow => ({
  received: 0,
  receivedOnline: 0,
  receivedOffline: 0,
  carriedOver: 0,
  resolved: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  inProgress: 0,
  inProgressNotDue: 0,
  inProgressOverdue: 0,
});

const PROVINCES = ['046', '001', '079', '048', '038'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng'];
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Châu', 'Quốc Dũng', 'Thị Hoa', 'Văn Hùng', 'Thu Hà', 'Đức Long'];

/** The local instant `minutes` after local midnight of `day` (Asia/Ho_Chi_Minh, UTC+7). */
const at = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00+07:00`) + minutes * 60_000);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const iso = (d: Date) => toLocalISOString(d);

export function generate(calendar: WorkingCalendar, o: SimOptions): Simulation {
  const random = rng(o.seed);
  const pick = <T>(items: readonly T[], weights: readonly number[]): T => {
    const total = weights.reduce((s, w) => s + w, 0);
    let r = random() * total;
    for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i];
    return items[items.length - 1];
  };
  const between = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  // The period: a calendar year, or a window that ends at an instant (its last day only up to it).
  const yearEnd = o.window ? localDate(o.window.until) : `${o.year}-12-31`;
  const endOfYear = o.window ? o.window.until : at(addDays(yearEnd, 1), 0);
  const workingDays: string[] = [];
  for (
    let d = o.window?.from ?? `${o.year}-01-01`;
    d <= yearEnd && (!o.receptionsBefore || d < o.receptionsBefore);
    d = addDays(d, 1)
  ) {
    if (calendar.isWorkingDay(d)) workingDays.push(d);
  }
  const procedures = o.procedures ?? SIM_PROCEDURES;
  const procedureWeights = procedures.map((_, i) => o.procedureWeights[i] ?? (o.procedures ? 1 : 0));
  /** Per centre, the procedures handled at its level and their weights. */
  const offered = o.centres.map((_, c) => {
    const level = o.centreLevels?.[c];
    const here = procedures.map((p, i) => ({
      p,
      w: !level || !p.levels || p.levels.includes(level) ? procedureWeights[i] : 0,
    }));
    if (!here.some((x) => x.w > 0)) throw new Error(`no procedure is handled at centre ${o.centres[c]} (${level})`);
    return { items: here.map((x) => x.p), weights: here.map((x) => x.w) };
  });
  /** A moment of office time on a working day (07:30–11:30, 13:30–17:00), receptions before 15:00. */
  const officeMoment = (day: string, latestMinute = 17 * 60) => {
    const slots = [
      [7 * 60 + 30, 11 * 60 + 30],
      [13 * 60 + 30, latestMinute],
    ];
    const [s, e] = slots[between(0, 1)];
    return at(day, between(s, e - 1));
  };
  const nextWorkingDayOnOrAfter = (day: string) => (calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day));

  const centreWeights = o.centreWeights ?? o.centres.map((_, i) => (i === 0 ? Math.max(1, o.centres.length - 1) : 1));
  const truth = new Map(o.centres.map((c) => [c, emptyRow()]));
  const total = emptyRow();
  const lines: object[] = [];
  const sequences = new Map<string, number>();
  const openTarget = Math.min(o.size, Math.round(o.inProgress));
  // Open dossiers are mostly recent (the last six weeks, three in a window), a few are an older backlog;
  // resolved ones were received early enough to be decided before the period's end.
  const lateDays = workingDays.filter((d) => d >= addDays(yearEnd, o.window ? -21 : -42));
  const resolvableDays = workingDays.filter((d) => d <= addDays(yearEnd, o.window ? -16 : -40));
  if (!lateDays.length || !resolvableDays.length) throw new Error('the period is too short for a simulation');
  let persons = 0;

  for (let n = 0; n < o.size; n++) {
    // Exactly openTarget of the dossiers stay open, spread evenly over the generation order.
    const open = Math.floor(((n + 1) * openTarget) / o.size) > Math.floor((n * openTarget) / o.size);
    const centreIndex = pick(
      o.centres.map((_, i) => i),
      centreWeights,
    );
    const centre = o.centres[centreIndex];
    const procedure = pick(offered[centreIndex].items, offered[centreIndex].weights);
    const channel = pick(['COUNTER', 'ONLINE', 'POST'] as const, [
      o.channelWeights.COUNTER,
      o.channelWeights.ONLINE,
      o.channelWeights.POST,
    ]);
    let day = open
      ? random() < 0.8
        ? pick(
            lateDays,
            lateDays.map(() => 1),
          )
        : pick(
            workingDays,
            workingDays.map(() => 1),
          )
      : resolvableDays[between(0, resolvableDays.length - 1)];
    let receivedAt = officeMoment(day, 15 * 60);
    // In a window, most open dossiers are still within their time (a real inbox is not two-thirds red):
    // received recently enough for their procedure (a few tries among the last four working days).
    if (open && o.window && random() < 0.75) {
      for (let tries = 0; tries < 4 && calendar.dueAt(receivedAt, procedure.processingTime) < endOfYear; tries++) {
        day = lateDays[Math.max(0, lateDays.length - 1 - between(0, 3))];
        receivedAt = officeMoment(day, 15 * 60);
      }
    }
    const codeDay = calendar.receptionDay(receivedAt);
    const key = `${centre}|${codeDay}`;
    const seq = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, seq);
    const code = `${centre}-${codeDay.slice(2, 4)}${codeDay.slice(5, 7)}${codeDay.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
    let due = calendar.dueAt(receivedAt, procedure.processingTime);
    const statutoryAtReception = due;
    const organisation = random() < 0.15;
    let identityNumber = organisation ? taxCode(random) : citizenId(random);
    const featured = !organisation && o.featured && persons++ % o.featured.every === 0 ? o.featured : null;
    if (featured) identityNumber = featured.identityNumber;
    const receiveDone = calendar.addWorkingMinutes(receivedAt, between(10, 240));
    // A dossier received on the window's last afternoon may not be handed over yet when the window ends
    // before office hours (a first start in the early morning, Vietnam time): then it is still at reception.
    const steps: object[] =
      receiveDone < endOfYear
        ? [{ code: 'RECEIVE', role: 'INTAKE_OFFICER', completedAt: iso(receiveDone), actor: 'Cán bộ một cửa' }]
        : [];
    const supplements: Array<{ requestedAt: string; reason: string; submittedAt: string | null }> = [];
    let clockFrom = receiveDone;
    let paused = false;
    if (random() < 0.08 && receiveDone < endOfYear) {
      const requestedAt = calendar.addWorkingMinutes(receiveDone, between(30, 900));
      const submittedAt = calendar.addWorkingMinutes(requestedAt, between(450, 450 * 8));
      if (open && random() < 0.4 && requestedAt < endOfYear) {
        supplements.push({ requestedAt: iso(requestedAt), reason: 'Bổ sung bản sao giấy tờ', submittedAt: null });
        paused = true;
      } else if (submittedAt < endOfYear) {
        supplements.push({
          requestedAt: iso(requestedAt),
          reason: 'Bổ sung bản sao giấy tờ',
          submittedAt: iso(submittedAt),
        });
        // The statutory clock kept its time during the pause (processing's pause/resume).
        if (due > requestedAt) due = calendar.resume(submittedAt, calendar.remainingWorkingMinutes(requestedAt, due));
        clockFrom = submittedAt;
      }
    }
    const line: Record<string, unknown> = {
      code,
      centre,
      procedure: procedure.code,
      channel,
      applicant: featured
        ? {
            kind: 'CITIZEN',
            identityNumber,
            fullName: featured.fullName,
            phone: featured.phone,
            email: featured.email ?? null,
          }
        : {
            kind: organisation ? 'ORGANIZATION' : 'CITIZEN',
            identityNumber,
            fullName: organisation
              ? `Công ty TNHH ${GIVEN[between(0, 7)]}`
              : `${pick(
                  SURNAMES,
                  SURNAMES.map(() => 1),
                )} ${pick(
                  GIVEN,
                  GIVEN.map(() => 1),
                )}`,
            phone: `09${String(between(0, 99_999_999)).padStart(8, '0')}`,
          },
      receivedAt: iso(receivedAt),
      dueAt: iso(statutoryAtReception),
      steps,
      supplements,
      delivery: {
        method: channel === 'ONLINE' ? 'ONLINE' : channel === 'POST' ? 'POST' : 'COUNTER',
        address: channel === 'POST' ? '12 Lê Lợi, Huế' : null,
      },
    };
    const row = truth.get(centre)!;
    for (const r of [row, total]) {
      r.received++;
      if (channel === 'ONLINE') r.receivedOnline++;
      else r.receivedOffline++;
    }

    if (open) {
      if (!paused && random() < 0.5) {
        const reviewed = calendar.addWorkingMinutes(clockFrom, between(60, 900));
        if (reviewed < endOfYear)
          steps.push({ code: 'REVIEW', role: 'SPECIALIST', completedAt: iso(reviewed), actor: 'Chuyên viên' });
      }
      const overdue = !paused && localDate(due) <= yearEnd;
      for (const r of [row, total]) {
        r.inProgress++;
        if (overdue) r.inProgressOverdue++;
        else r.inProgressNotDue++;
      }
      lines.push(line);
      continue;
    }

    // Resolved: choose the outcome, then a decision instant that has it. Late by quota, not by chance:
    // some dossiers cannot be on time (due within the hour of reception), and they count towards it.
    const dueDay = localDate(due);
    const wanted =
      total.resolvedLate < o.lateShare * (total.resolved + 1)
        ? 'LATE'
        : random() < o.onTimeShare / (1 - o.lateShare)
          ? 'ON_TIME'
          : 'EARLY';
    let decidedAt: Date;
    const earliest = calendar.addWorkingMinutes(clockFrom, 60);
    if (wanted === 'LATE') {
      decidedAt = officeMoment(calendar.addWorkingDays(nextWorkingDayOnOrAfter(addDays(dueDay, 1)), between(0, 6)));
    } else if (wanted === 'ON_TIME' && localDate(earliest) <= dueDay) {
      decidedAt = new Date(Math.max(earliest.getTime(), at(dueDay, 7 * 60 + 30).getTime()) + between(0, 60) * 60_000);
      if (localDate(decidedAt) !== dueDay) decidedAt = earliest;
    } else {
      const span = calendar.workingMinutesBetween(earliest, at(dueDay, 0));
      decidedAt = span > 0 ? calendar.addWorkingMinutes(earliest, Math.floor(random() * span * 0.9)) : earliest;
    }
    if (decidedAt < earliest || decidedAt >= endOfYear) decidedAt = earliest;
    const result = outcome(decidedAt, due);
    steps.push({
      code: 'REVIEW',
      role: 'SPECIALIST',
      completedAt: iso(
        new Date(
          decidedAt.getTime() - 30 * 60_000 > clockFrom.getTime()
            ? decidedAt.getTime() - 30 * 60_000
            : decidedAt.getTime(),
        ),
      ),
      actor: 'Chuyên viên',
    });
    const approved = random() < 0.95;
    line.decision = approved
      ? {
          decision: 'APPROVED',
          decidedAt: iso(decidedAt),
          actor: 'Lãnh đạo',
          result: { documentType: 'KQ', title: `${procedure.name} — kết quả`, validUntil: null },
        }
      : {
          decision: 'REJECTED',
          decidedAt: iso(decidedAt),
          actor: 'Lãnh đạo',
          reason: 'Không đủ điều kiện theo quy định',
        };
    const returnedAt = new Date(
      Math.min(calendar.addWorkingMinutes(decidedAt, between(30, 450 * 3)).getTime(), endOfYear.getTime() - 60_000),
    );
    // In a window, a result decided in its last ten days is more often still waiting at the counter, in the post or online.
    const waiting = o.window && endOfYear.getTime() - decidedAt.getTime() < 10 * 86_400_000 && random() < 0.6;
    if (returnedAt >= decidedAt && !waiting) {
      line.returnedAt = iso(returnedAt);
      if (random() < 0.3)
        line.rating = {
          overall: pick(['VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED'] as const, [5, 4, 1]),
          ratedAt: iso(returnedAt),
        };
    }
    for (const r of [row, total]) {
      r.resolved++;
      if (result === 'EARLY') r.resolvedEarly++;
      else if (result === 'ON_TIME') r.resolvedOnTime++;
      else r.resolvedLate++;
    }
    lines.push(line);
  }
  return { lines, truth, total };
}

function citizenId(random: () => number): string {
  const province = PROVINCES[Math.floor(random() * PROVINCES.length)];
  const born = 1950 + Math.floor(random() * 55);
  const century = born >= 2000 ? 2 : 0;
  const sex = random() < 0.5 ? 0 : 1;
  return `${province}${century + sex}${String(born % 100).padStart(2, '0')}${String(Math.floor(random() * 1_000_000)).padStart(6, '0')}`;
}

/** A 10-digit tax code with its check digit (weights 31 29 23 19 17 13 7 5 3). */
function taxCode(random: () => number): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (;;) {
    const nine = `0${String(1 + Math.floor(random() * 99_999_999)).padStart(8, '0')}`;
    const sum = weights.reduce((s, w, i) => s + w * Number(nine[i]), 0);
    const check = 10 - (sum % 11);
    if (check < 10) return `${nine}${check}`;
  }
}
