import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { checkScreen, launchChromium, newContext } from '../../support/browser.js';
import { startTestHub, type TestHub } from '../../support/hub.js';

/**
 * One journey per role of the partner console, in Debian's Chromium against a hub with the demo year, each screen
 * checked with axe-core (WCAG 2.1 AA) and saved as a screenshot. Every journey makes the data it acts on through
 * the graph, so none depends on another (the order is random).
 */
let hub: TestHub;
let browser: Browser;
let origin: string;
const GATEWAY_FOUNDATION = 'd0000001-0000-4000-8000-000000000001';

beforeAll(async () => {
  hub = await startTestHub({ history: true, env: { CONSOLE_POLL_SECONDS: '1' } });
  // Statistics count what reporting has applied: wait for the demo year's events, whichever journey comes first.
  await hub.eventsDelivered(150_000);
  origin = new URL(hub.gatewayUrl).origin;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

const letters = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** A DOP referral in Lake County, which waits for the Lake County MEG Director. */
async function referral(): Promise<{ id: string; version: number; referenceNumber: string; familyName: string }> {
  const familyName = `R${letters()}`;
  const data = await hub.ok<{ quickReferral: { deflection: { id: string; version: number; referenceNumber: string } } }>(
    await hub.tokenFor('officer'),
    'mutation($input: QuickReferralInput!) { quickReferral(input: $input) { deflection { id version referenceNumber } } }',
    { input: { person: { givenName: 'Journey', familyName }, pathway: 'OFFICER_INTERVENTION', chargesHeldInAbeyance: true, county: 'Lake', narrative: 'Agreed to see a case manager.' } },
  );
  return { ...data.quickReferral.deflection, familyName };
}

async function approve(deflection: { id: string; version: number }): Promise<void> {
  await hub.ok(await hub.tokenFor('meg-director'), 'mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { status } }', {
    input: { deflectionId: deflection.id, version: deflection.version, decision: 'APPROVED', reason: 'Eligible under the plan.' },
  });
}

/** Signs in as a persona on a desktop-sized window; `operations` collects the name of every operation the page sends. */
/** Every GraphQL request of the console, by operation name; `withText` the ones that sent query text instead of a hash. */
async function signIn(persona: string): Promise<{ page: Page; operations: string[]; withText: string[] }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const operations: string[] = [];
  const withText: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { operationName?: string; query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } };
    if (body.operationName) operations.push(body.operationName);
    if (body.query !== undefined || !body.extensions?.persistedQuery?.sha256Hash) withText.push(body.operationName ?? '(anonymous)');
  });
  await page.goto(`${origin}/`);
  await page.locator(`[data-persona="${persona}"]`).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return { page, operations, withText };
}

async function open(page: Page, link: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('the partner console, one journey per role', () => {
  it('a unit supervisor sees the unit’s referrals, who made them, and their outcomes aggregated and suppressed', async () => {
    const { page } = await signIn('supervisor');
    await checkScreen(page, 'supervisor-home');
    await open(page, 'My referrals', 'Referrals of my unit');
    await page.getByRole('region', { name: 'Referrals' }).locator('tbody tr').first().waitFor();
    await page.getByRole('columnheader', { name: 'By' }).waitFor();
    await page.getByText('Engaged in treatment within 30 days').waitFor();
    await checkScreen(page, 'supervisor-referrals');
    await page.context().close();
  });

  it('a MEG Director sees the count of approvals waiting grow without reloading, and approves one with a reason', async () => {
    const first = await referral();
    const { page } = await signIn('meg-director');
    const count = page.getByRole('list', { name: 'What waits for you' }).getByRole('link', { name: /approvals waiting/ });
    await count.waitFor();
    const countNow = async () => Number((await count.locator('.count').textContent()) ?? 'NaN');
    const deadline = Date.now() + 10_000;
    while (Number.isNaN(await countNow()) && Date.now() < deadline) await page.waitForTimeout(100);
    const before = await countNow();
    await checkScreen(page, 'meg-director-home');
    await referral();
    while ((await countNow()) !== before + 1 && Date.now() < deadline + 10_000) await page.waitForTimeout(200);
    expect(await countNow()).toBe(before + 1);

    await count.click();
    await page.getByRole('heading', { level: 1, name: 'Approvals waiting' }).waitFor();
    const card = page.getByRole('article', { name: new RegExp(`${first.referenceNumber}: Journey ${first.familyName}`) });
    await card.waitFor();
    await checkScreen(page, 'meg-director-approvals');
    await card.getByLabel('Reason for the decision').fill('Eligible under the plan; charges held in abeyance.');
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached' });
    const [row] = await hub.db.orm('cases').fork().getConnection().execute<{ status: string }[]>(`select status from cases.deflection where id = ?`, [first.id]);
    expect(row?.status).toBe('ACTIVE');
    await page.context().close();
  });

  it('a designee sees whom they act for, and records a review held with the case manager', async () => {
    const { page } = await signIn('meg-designee');
    await page.getByText('Acting for Elaine Marsh').waitFor();
    await open(page, 'Reviews', 'Reviews');
    await checkScreen(page, 'meg-designee-reviews');
    // A review held with the case manager moves the next one out of the list.
    const card = page.getByRole('article').first();
    const reference = ((await card.getByRole('heading').textContent()) ?? '').split(':')[0]!;
    await card.getByRole('button', { name: 'Record a review' }).click();
    await card.getByLabel('Case manager').fill('Joy Abernathy');
    await card.getByRole('button', { name: 'Record the review' }).click();
    await page.getByRole('heading', { name: new RegExp(`^${reference}:`) }).waitFor({ state: 'detached' });
    const [row] = await hub.db.orm('cases').fork().getConnection().execute<{ reviews: string }[]>(
      `select count(*)::text as reviews from cases.review r join cases.deflection d on d.id = r.deflection_id where d.reference_number = ? and r.held_on = (now() at time zone 'America/Chicago')::date`,
      [reference],
    );
    expect(row?.reviews).toBe('1');
    await page.context().close();
  });

  it('a treatment provider acknowledges a referral and updates outcomes from a CSV file, with a result per row, under the 42 CFR 2.32 notice', async () => {
    const deflection = await referral();
    await approve(deflection);
    const episode = await hub.ok<{ referToTreatment: { id: string } }>(await hub.tokenFor('case-manager'), 'mutation($input: ReferToTreatmentInput!) { referToTreatment(input: $input) { id } }', {
      input: { deflectionId: deflection.id, providerId: GATEWAY_FOUNDATION, service: 'SUD_OUTPATIENT' },
    });
    const { page } = await signIn('provider');
    await page.getByRole('link', { name: /referrals to acknowledge/ }).waitFor();
    await open(page, 'Episodes', 'Treatment episodes');
    await page.getByRole('complementary', { name: '42 CFR part 2 notice' }).waitFor();
    await checkScreen(page, 'provider-episodes');
    await page.getByRole('button', { name: `Acknowledge the referral of Journey ${deflection.familyName}` }).click();
    await page.getByRole('button', { name: `Acknowledge the referral of Journey ${deflection.familyName}` }).waitFor({ state: 'detached' });

    const csv = ['episodeId,toState,at', `${episode.referToTreatment.id},ENGAGED,${new Date().toISOString()}`, `00000000-0000-4000-8000-000000000000,ENGAGED,${new Date().toISOString()}`].join('\n');
    await page.getByLabel('CSV file of outcome updates').setInputFiles({ name: 'outcomes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('1 applied, 1 rejected, 0 already applied.').waitFor();
    const rows = page.getByRole('region', { name: 'Result per row' }).locator('tbody tr');
    expect(await rows.allInnerTexts()).toEqual([expect.stringMatching(/^2\s+Applied\s+Engaged/), expect.stringMatching(/^3\s+Rejected/)]);
    await checkScreen(page, 'provider-bulk-result');

    // The episode itself: its history, a consent recorded and revoked (42 CFR 2.31), the accounting of disclosures.
    await page.getByRole('region', { name: 'Recent episodes' }).getByRole('button', { name: `Open the episode of Journey ${deflection.familyName}` }).click();
    const detail = page.getByRole('region', { name: /^Journey .*: Sud outpatient$/ });
    await detail.getByRole('heading', { name: 'Accounting of disclosures' }).waitFor();
    await detail.getByText(/Acknowledged → Engaged/).waitFor();
    await detail.getByLabel('To', { exact: true }).first().selectOption('RETAINED_30');
    await detail.getByLabel('Purpose').fill('Case review with the Lake County MEG');
    await detail.getByLabel('To', { exact: true }).last().selectOption({ label: 'Lake County Metropolitan Enforcement Group' });
    // Without an expiry the hub refuses (42 CFR 2.31(a)(6)), and says so on the field.
    await detail.getByRole('button', { name: 'Record the consent' }).click();
    await detail.getByText('A consent expires on a date or an event (42 CFR 2.31(a)(6)): give one.').waitFor();
    await detail.getByLabel('Expires on').fill(`${new Date().getFullYear() + 1}-06-30`);
    await detail.getByRole('button', { name: 'Record the consent' }).click();
    const consent = detail.getByRole('listitem').filter({ hasText: 'Case review with the Lake County MEG' });
    await consent.getByText('In effect.').waitFor();
    await checkScreen(page, 'provider-episode-detail');
    await consent.getByRole('button', { name: 'Revoke' }).click();
    await consent.getByText(/Revoked /).waitFor();

    // A move the state machine offers, recorded and shown in the history.
    await detail.getByLabel('To', { exact: true }).first().selectOption('LOST_CONTACT');
    await detail.getByRole('button', { name: 'Record the move' }).click();
    await detail.getByText(/Engaged → Lost contact/).waitFor();

    // Capacity per service: saved, and read back from the hub.
    const capacity = page.getByRole('form', { name: /^Capacity of / }).first();
    const slots = capacity.getByLabel('Open slots: Sud outpatient');
    const more = String(Number(await slots.inputValue()) + 1);
    await slots.fill(more);
    await capacity.getByRole('button', { name: 'Save capacity' }).click();
    await capacity.getByText('Saved: officers and case managers see these open slots now.').waitFor();
    const [{ open_slots: saved } = { open_slots: -1 }] = await hub.db
      .orm('treatment')
      .fork()
      .getConnection()
      .execute<{ open_slots: number }[]>(`select open_slots from treatment.service_capacity where provider_id = ? and service = 'SUD_OUTPATIENT'`, [GATEWAY_FOUNDATION]);
    expect(String(saved)).toBe(more);
    await page.context().close();
  });

  it('an analyst builds a statistic, sees it drawn and tabled with suppressed cells marked, and downloads it as CSV', async () => {
    const { page, operations, withText } = await signIn('analyst');
    await open(page, 'Statistics', 'Statistics');
    const table = page.getByRole('region', { name: 'Statistic table' });
    await table.locator('tbody tr').first().waitFor();
    await page.getByRole('img', { name: /Deflections by Quarter/ }).waitFor();
    expect(await table.locator('td.suppressed').count()).toBeGreaterThan(0);
    await checkScreen(page, 'analyst-statistics');
    // A fourth dimension is refused with a reason, before anything is asked of the hub.
    await page.getByLabel('Month', { exact: true }).check();
    await page.getByLabel('County', { exact: true }).click();
    await page.getByText('At most 3 dimensions: remove one before adding another.').waitFor();
    expect(await page.getByLabel('County', { exact: true }).isChecked()).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Quarter,Pathway,Deflections,Engagement 30 day rate');
    expect(csv).toContain('suppressed');
    // Sent by hash alone, as HUB_TRUSTED_DOCUMENTS=only requires.
    expect(operations).toContain('RunStatistics');
    expect(withText).toEqual([]);
    await page.context().close();
  });

  it('a case manager takes a hand-off, which leaves the queue for the reviews with the leaders', async () => {
    const deflection = await referral();
    await approve(deflection);
    const { page } = await signIn('case-manager');
    await page.getByRole('link', { name: /hand-offs to take/ }).waitFor();
    await open(page, 'Hand-offs', 'Hand-offs and reviews');
    const card = page.getByRole('article', { name: new RegExp(`${deflection.referenceNumber}: Journey ${deflection.familyName}`) });
    await card.waitFor();
    await checkScreen(page, 'case-manager-hand-offs');
    await card.getByLabel('How').selectOption('IN_PERSON');
    await card.getByLabel('Result').selectOption('HANDED_OFF');
    await card.getByRole('button', { name: 'Record' }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Reviews with the leaders' }).getByText(deflection.referenceNumber).waitFor();
    const [row] = await hub.db.orm('cases').fork().getConnection().execute<{ handed_off_at: Date | null }[]>(`select handed_off_at from cases.deflection where id = ?`, [deflection.id]);
    expect(row?.handed_off_at).not.toBeNull();
    await page.context().close();
  });

  it('agency records staff see the month’s crisis incidents and standing, submit the month to ISP, and see the use-of-force queue', async () => {
    const { page } = await signIn('records-staff');
    await open(page, 'Reporting', 'Crisis and use-of-force reporting');
    const submit = page.getByRole('button', { name: /Submit/ });
    await submit.waitFor();
    await page.getByRole('heading', { name: /Rejected, waiting to be corrected/ }).waitFor();
    await checkScreen(page, 'records-staff-reporting');
    await submit.click();
    await page.getByText(/^Last submitted .* \(version \d+/).waitFor();
    await page.context().close();
  });

  it('an agency administrator sees personnel with their designations and the plan versions, and can deactivate and reactivate someone', async () => {
    const { page } = await signIn('agency-admin');
    await open(page, 'Administration', 'Administration');
    const personnel = page.getByRole('region', { name: 'Personnel' });
    await personnel.locator('tbody tr').first().waitFor();
    await checkScreen(page, 'agency-admin-administration');
    const toggle = personnel.getByRole('button', { name: /^Deactivate / }).last();
    const name = ((await toggle.textContent()) ?? '').replace('Deactivate ', '').trim();
    await toggle.click();
    await personnel.getByRole('button', { name: `Activate ${name}` }).click();
    await personnel.getByRole('button', { name: `Deactivate ${name}` }).waitFor();
    await page.context().close();
  });

  it('the hub administrator picks any agency and sees its Solution Action Plan versions', async () => {
    const { page } = await signIn('hub-admin');
    await open(page, 'Administration', 'Administration');
    await page.getByLabel('Agency').selectOption({ label: 'ISP Division of Patrol, Troop 2' });
    await page.getByRole('region', { name: 'Solution Action Plan versions' }).locator('tbody tr').first().waitFor();
    await checkScreen(page, 'hub-admin-administration');
    await page.context().close();
  });

  it('a MEG Director closes a deflection due for review with its outcome, sending an unsuccessful one to the prosecutor', async () => {
    const { page } = await signIn('meg-director');
    await open(page, 'Reviews', 'Reviews');
    const card = page.getByRole('article').first();
    await card.waitFor();
    const title = (await card.getByRole('heading').textContent())!;
    const reference = title.split(':')[0]!;
    await card.getByRole('button', { name: 'Record the outcome' }).click();
    await card.getByLabel('Outcome').selectOption('UNSUCCESSFUL');
    await card.getByLabel('Reason').fill('Stopped attending.');
    await card.getByLabel('Submitted to the prosecuting attorney').fill("Lake County State's Attorney");
    await checkScreen(page, 'meg-director-close');
    await card.getByRole('button', { name: 'Close the deflection' }).click();
    await page.getByRole('article', { name: title }).waitFor({ state: 'detached' });
    const [row] = await hub.db.orm('cases').fork().getConnection().execute<{ status: string }[]>(`select status from cases.deflection where reference_number = ?`, [reference]);
    expect(row?.status).toBe('UNSUCCESSFUL');
    await page.context().close();
  });

  it('an analyst downloads the state data set of a quarter, fetched with the token rather than a link carrying it', async () => {
    const { page } = await signIn('analyst');
    await open(page, 'Statistics', 'Statistics');
    const button = page.getByRole('button', { name: 'Download the state data set (CSV)' });
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('year,quarter,program_id,program_name,program_role,measure,dimension,category,value,suppressed,suppression_reason');
    expect(download.url()).toMatch(/^blob:/);
    await page.context().close();
  });

  it('ISP reporting staff see the late list of a month across Illinois', async () => {
    const { page } = await signIn('isp-reporting');
    await open(page, 'Late list', 'Crisis reporting across Illinois');
    await page.getByRole('region', { name: 'Agencies and their standing' }).getByText('Dixon Police Department').waitFor();
    await checkScreen(page, 'isp-reporting-late-list');
    await page.context().close();
  });

  it('offers each role only its screens, and fetches nothing for a screen that is not theirs', async () => {
    const { page, operations, withText } = await signIn('officer');
    const links = await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allInnerTexts();
    expect(links).toEqual(['Home', 'Refer', 'My referrals']);
    // As a link to it would (a reload signs out: the token lives in memory only).
    await page.evaluate("history.pushState(null, '', '/statistics'); dispatchEvent(new PopStateEvent('popstate'));");
    await page.getByText('That screen is not one of yours; here is what is.').waitFor();
    expect(operations).not.toContain('RunStatistics');
    expect(operations.filter((o) => o.startsWith('Pending'))).toEqual([]);
    expect(withText).toEqual([]);
    // Nor its code: the charting library (which marks the canvases it draws on `_chartjs`) stays off an officer's phone.
    const scripts = (await page.evaluate('[...document.scripts].map((s) => s.src).concat(performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script" || e.name.endsWith(".js")).map((e) => e.name))')) as string[];
    const bodies = await Promise.all([...new Set(scripts.filter(Boolean))].map(async (url) => (await fetch(url)).text()));
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.filter((body) => body.includes('_chartjs'))).toEqual([]);
    await page.context().close();
  });
});
