import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { SignJWT } from 'jose';

export const PROVINCE = '000.00.12.H57';
export const HUE = '000.00.13.H57';
export const HUONG_THUY = '000.00.15.H57';
export const user = (role: 'intake-officer' | 'specialist' | 'leader', centre = PROVINCE) => `demo-${role}-${centre}`;
/** The demo citizen (gateway/src/demo-users.ts): a user id for signIn, and the claims for api(). */
export const CITIZEN_USER = 'demo-citizen';
export const citizen = { sub: 'demo-citizen', role: 'CITIZEN', name: 'Nguyễn Văn An', identityNumber: '046090001234' };

// Beside Playwright's output folder, which it empties at every run.
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
const base = () => `http://localhost:${process.env.PORTAL_E2E_BASE}`;

/** Signs in through /login, clicking the demo user's button as a person would. */
export async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto('/login');
  await page.locator(`[data-user="${userId}"]`).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A PDF small enough for a test, with the magic bytes intake checks. */
export const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.7\n% ${name}\n%%EOF\n`),
});

/** The API as another client would call it, with a token the gateway accepts (setting up what the page then shows). */
export async function api<T = any>(
  claims: { sub: string; role: string; centre?: string; name?: string; identityNumber?: string },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const token = await new SignJWT({
    role: claims.role,
    name: claims.name ?? claims.sub,
    ...(claims.centre ? { centre: claims.centre } : {}),
    ...(claims.identityNumber ? { identityNumber: claims.identityNumber } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(process.env.E2E_JWT_SECRET!));
  const res = await fetch(`${base()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

export const officer = (
  role: 'INTAKE_OFFICER' | 'SPECIALIST' | 'LEADER' | 'OBSERVER' | 'ADMIN',
  centre = PROVINCE,
) => ({ sub: `e2e-${role}-${centre}`, role, centre, name: `E2E ${role}` });

export async function centreId(code: string): Promise<string> {
  const { centres } = await api<{ centres: Array<{ id: string; code: string }> }>(
    officer('ADMIN'),
    '{ centres { id code } }',
  );
  return centres.find((c) => c.code === code)!.id;
}

/** Receives a dossier through the API at `centre`, uploading every required component. */
export async function receiveByApi(
  centre: string,
  procedureCode: string,
  identityNumber: string,
  fullName: string,
  components: string[],
): Promise<{ id: string; code: string }> {
  const { submitDossier } = await api<{ submitDossier: { id: string; code: string } }>(
    officer('INTAKE_OFFICER', centre),
    `
    mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id code } }`,
    {
      input: {
        procedureCode,
        centreId: await centreId(centre),
        channel: 'COUNTER',
        applicant: { kind: 'CITIZEN', identityNumber, fullName, phone: '0905123456', address: '12 Lê Lợi, Huế' },
        documents: components.map((componentCode) => ({
          componentCode,
          title: `${componentCode} của ${fullName}`,
          upload: {
            fileName: `${componentCode}.pdf`,
            mimeType: 'application/pdf',
            contentBase64: pdf(componentCode).buffer.toString('base64'),
          },
        })),
        delivery: { method: 'COUNTER' },
      },
    },
  );
  return submitDossier;
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
  ).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
