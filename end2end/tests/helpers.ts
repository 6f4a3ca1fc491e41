import { test as base, expect, Page } from '@playwright/test';
import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `test` that fails when the page logs an error or throws: hydration mismatches and panics
 * in the WASM show up only there.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      // A refused request (4xx: wrong password, validation) is expected; a 500 or a panic is not.
      const refusal = /Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
      // Tests that take the network away (context.setOffline) expect failed requests.
      const offline = /net::ERR_INTERNET_DISCONNECTED/.test(message.text());
      if (message.type() === 'error' && !refusal && !offline) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'browser console errors').toEqual([]);
  }, { auto: true }],
});
export { expect };

export const DEMO_PASSWORD = 'demo2026';

/** Waits until the WASM has hydrated the page, so client-side handlers are live. */
export async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

/** Logs in through the login form as a person would. */
export async function login(page: Page, user: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('Логин').fill(user);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** One file of a ZIP archive (an XLSX or DOCX), read through its central directory. */
export function zipEntry(archive: Buffer, name: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { inflateRawSync } = require('node:zlib') as typeof import('node:zlib');
  let end = archive.length - 22;
  while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP archive');
  let at = archive.readUInt32LE(end + 16);
  const count = archive.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const skip = nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    if (archive.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const data = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
      const raw = archive.subarray(data, data + size);
      return (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    }
    at += 46 + skip;
  }
  throw new Error(`${name} is not in the archive`);
}

// --- Questionnaires: shared by the survey and offline specs -------------------------------

/** Answers every question on the current screen: the highest point of a scale, the first
 * option, or `text` typed into a text field. */
export async function answerScreen(page: Page, text: string) {
  const questions = page.locator('fieldset.question');
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    const question = questions.nth(i);
    if (await question.locator('.scale-point').count()) {
      await question.locator('.scale-point').last().tap();
    } else if (await question.locator('label.choice input').count()) {
      await question.locator('label.choice').first().tap();
    } else {
      await question.locator('.answer-text').first().fill(text);
    }
  }
}

/** Answers screen after screen until the summary. */
export async function answerToSummary(page: Page, text: string, eachScreen?: () => Promise<void>) {
  while (!(await page.getByRole('button', { name: 'Отправить' }).isVisible())) {
    if (eachScreen) await eachScreen();
    await answerScreen(page, text);
    await page.getByRole('button', { name: 'Далее' }).tap();
  }
  await expect(page.getByRole('heading', { name: 'Проверьте ответы перед отправкой' })).toBeVisible();
}

/** The waves page of a programme, opened from the programme list. */
export async function openWaves(page: Page, programme: string) {
  await page.goto('/programmes');
  await hydrated(page);
  await page.getByRole('link', { name: programme }).click();
  await page.getByRole('link', { name: 'Анкетирование' }).click();
  await expect(page.getByRole('heading', { name: 'Анкетирование' })).toBeVisible();
}

/** Creates a wave on the open waves page and returns its row. */
export async function createWave(page: Page, kind: string, anonymous: boolean) {
  const rows = page.getByTestId('waves').locator('tbody tr');
  const before = await rows.count();
  await page.getByRole('combobox').nth(1).selectOption({ label: kind });
  await page.getByRole('combobox').nth(2).selectOption({ label: 'Наставляемый' });
  if (anonymous) await page.getByRole('checkbox', { name: 'Анонимно' }).check();
  await page.getByRole('button', { name: 'Назначить', exact: true }).click();
  await expect(rows).toHaveCount(before + 1);
  return rows.last();
}


// A deployment of its own (the update test, the keyboard-only questionnaire): the server binary on a copy of the built site,
// stopped and started again on a changed copy, as a school's server is updated.
const updatePort = Number(process.env.E2E_PORT ?? 3100) + 3;
export const updateURL = `http://127.0.0.1:${updatePort}`;
const root = resolve(__dirname, '../..');
export const deployment = resolve(root, 'target/e2e-update');

export async function deploy(release: string): Promise<ChildProcess> {
  const site = resolve(deployment, 'site');
  if (release === 'first') {
    rmSync(deployment, { recursive: true, force: true });
    mkdirSync(deployment, { recursive: true });
    cpSync(resolve(root, 'target/site'), site, { recursive: true });
  } else {
    // The new release's styles differ: a new build, so a new service worker.
    appendFileSync(resolve(site, 'pkg/nastavnik.css'), `\n/* release ${release} */\n`);
  }
  const server = spawn(resolve(root, 'target/debug/nastavnik'), ['serve', '--demo'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, DATABASE_URL: `sqlite://${deployment}/e2e.db?mode=rwc`, NASTAVNIK_ADDR: `127.0.0.1:${updatePort}`, LEPTOS_SITE_ROOT: site, RUST_LOG: 'warn' },
  });
  await expect.poll(() => fetch(`${updateURL}/health`).then((r) => r.ok, () => false), { timeout: 60_000 }).toBe(true);
  return server;
}

export async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM');
  await exited;
}

