/**
 * The docs page in a real browser (Debian's Chromium, headless, driven by playwright-core): `serve` on the built
 * sample project, then what a new user does first — Authorize (authorization code + PKCE at the dev issuer, through
 * Swagger UI's popup and its cross-origin token request) and one "Try it out" call that answers 200.
 * Without Chromium the test is skipped with a loud message (and `npm test` repeats how to get it); under CI=true a
 * missing Chromium fails instead, so CI never passes without running it.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../config';
import { RecordingIoHost } from '../core/io';
import { serveProject, type ServeReport } from '../serve';
import { waitFor } from '../testing/host-helpers';
import { buildSampleProject, type SampleProject } from '../testing/sample-project';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS helper shared with scripts/testing/run-jest.js
const { findChromium, HOW_TO_GET } = require('../testing/browser/chromium.js') as { findChromium(): string | undefined; HOW_TO_GET: string };

const executablePath = findChromium();
/** CK_SCREENSHOT_DIR=<dir>: save a picture of each step (to look at the page while changing it). */
const shotDir = process.env.CK_SCREENSHOT_DIR;

if (!executablePath) {
  const message = `Chromium was not found, so the docs-page browser test cannot run. ${HOW_TO_GET}`;
  if (process.env.CI === 'true') {
    it('has Chromium (CI runs the docs-page browser test)', () => {
      throw new Error(message);
    });
  } else {
    process.stderr.write(`\n!!! SKIPPED: ${message}\n\n`);
    it.skip(`docs page in a real browser (SKIPPED: ${message})`, () => undefined);
  }
} else {
  let project: SampleProject;
  let browser: Browser;
  let report: ServeReport;
  let served: Promise<unknown>;
  const ac = new AbortController();
  const io = new RecordingIoHost();

  beforeAll(async () => {
    project = await buildSampleProject();
    // Free ports for the host and the issuer: other test runs share the machine.
    const loaded = loadConfig({ cwd: project.dir, env: { CONNECTORKIT_SERVE__ISSUER_PORT: '0' } });
    served = serveProject(loaded, io, { build: false, port: 0, signal: ac.signal });
    served.catch(() => undefined);
    await waitFor(() => io.results.length === 1, 12_000);
    report = io.results[0] as ServeReport;
    // Root cannot use Chromium's sandbox (CI runs as root); the page is our own, on loopback.
    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    ac.abort();
    await served;
    project?.remove();
  });

  async function shot(page: Page, name: string): Promise<void> {
    if (!shotDir) return;
    mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
  }

  it('Authorize signs in at the dev issuer and "Try it out" on GetMe answers 200', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('console', (m) => m.type() === 'error' && failures.push(`console: ${m.text()}`));
    page.on('requestfailed', (r) => failures.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
    await page.goto(report.docs!);
    await page.locator('button.btn.authorize').first().click();
    await page.locator('.modal-ux').waitFor();
    await shot(page, '1-authorize-dialog');

    // Swagger UI opens the authorize URL in a popup; the dev issuer redirects it to oauth2-redirect.html, which
    // hands the code back, and the page posts it to the issuer's token endpoint (a CORS request from this origin).
    const tokenResponse = page.waitForResponse((r) => r.url().endsWith('/oauth2/v2.0/token') && r.request().method() === 'POST');
    const popup = page.waitForEvent('popup');
    await page.locator('.modal-ux button[aria-label="Apply given OAuth2 credentials"]').click();
    // The popup can close before a 'close' listener is attached (a fast redirect): only wait while it is open.
    const signIn = await popup;
    if (!signIn.isClosed()) await signIn.waitForEvent('close');
    expect((await tokenResponse).status()).toBe(200);
    await page.locator('.modal-ux button[aria-label="Remove authorization"]').waitFor();
    await shot(page, '2-signed-in');
    await page.locator('.modal-ux button.btn-done').click();

    const op = page.locator('#operations-Me-GetMe');
    await op.locator('.opblock-summary').click();
    await op.locator('button.try-out__btn').click();
    const apiResponse = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me');
    await op.locator('button.execute').click();
    const me = await apiResponse;
    expect(me.status()).toBe(200);
    expect(me.request().headers().authorization).toMatch(/^Bearer ey/);
    const shown = op.locator('.live-responses-table tr.response');
    await shown.waitFor();
    await shot(page, '3-try-it-out');
    expect((await shown.locator('.response-col_status').innerText()).trim()).toBe('200');
    expect(await shown.locator('.response-col_description').innerText()).toContain('"userName": "dev.user@contoso.example"');
    expect(failures).toEqual([]);
  }, 120_000);
}
