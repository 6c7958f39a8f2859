import type { Role } from '@onestop/service-kit';
import { DEMO_CENTRES } from '@onestop/demo-province';

/** A user of the demo province, offered as a button on /login in development. */
export interface DemoUser {
  id: string;
  name: string;
  role: Role;
  centre?: string;
  centreName?: string;
  identityNumber?: string;
}

const OFFICER_ROLES = ['INTAKE_OFFICER', 'SPECIALIST', 'LEADER'] as const;
/** Names for the demo officers, so that the control slip reads like a real one (9 × 11 distinct pairs). */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = [
  'Thị Lan',
  'Văn Minh',
  'Thị Hoa',
  'Văn Hùng',
  'Thị Mai',
  'Văn Nam',
  'Thị Thu',
  'Văn Tâm',
  'Thị Hạnh',
  'Quốc Bảo',
  'Minh Châu',
];
const nameOf = (i: number) => `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]}`;

/** One user per role and centre of the demo province, an administrator and an observer of the province, and a citizen. */
export const DEMO_USERS: readonly DemoUser[] = [
  ...DEMO_CENTRES.flatMap((centre, c) =>
    OFFICER_ROLES.map((role, r) => ({
      id: `demo-${role.toLowerCase().replace('_', '-')}-${centre.code}`,
      name: nameOf(c * OFFICER_ROLES.length + r),
      role,
      centre: centre.code,
      centreName: centre.name,
    })),
  ),
  {
    id: 'demo-admin',
    name: 'Quản trị viên',
    role: 'ADMIN',
    centre: DEMO_CENTRES[0].code,
    centreName: DEMO_CENTRES[0].name,
  },
  {
    id: 'demo-observer',
    name: 'Thanh tra tỉnh',
    role: 'OBSERVER',
    centre: DEMO_CENTRES[0].code,
    centreName: DEMO_CENTRES[0].name,
  },
  { id: 'demo-citizen', name: 'Nguyễn Văn An', role: 'CITIZEN', identityNumber: '046090001234' },
];
