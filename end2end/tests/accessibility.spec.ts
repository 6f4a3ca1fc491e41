import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import { test, expect, hydrated, login } from './helpers';

// WCAG 2.1 A and AA (ГОСТ Р 52872-2019 is built on WCAG 2.1), checked by axe-core on every page
// as the role that uses it sees it. A serious or critical violation fails the test; the
// message lists each rule with the elements it found.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page, what: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return grave.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
}

async function expectAccessible(page: Page, what: string) {
  expect(await violations(page, what), 'WCAG 2.1 AA violations').toEqual([]);
}

const pages: Record<string, string[]> = {
  kurator1: ['/participants', '/participants/new', '/import', '/programmes', '/programmes/1', '/programmes/1/board', '/programmes/1/order',
    '/programmes/1/pairs', '/programmes/1/final', '/programmes/1/thanks', '/programmes/1/surveys', '/programmes/1/codes', '/programmes/1/swot',
    '/questionnaires', '/reports/before-after', '/reports/school', '/practices', '/documents', '/accounts'],
  metodist: ['/district', '/decks', '/decks/1', '/practices'],
  molodoy1: ['/me', '/surveys'],
};

// The normal version, and the version for the visually impaired in both of its colour schemes
// (as this device would remember it).
const versions = [null, 'light', 'dark'] as const;
const versionName = (vision: string | null) => (vision ? `версия для слабовидящих (${vision})` : 'обычная версия');

test('the login page meets WCAG 2.1 AA in every version', async ({ page }) => {
  for (const vision of versions) {
    await page.goto('/login');
    await page.evaluate((v) => (v ? localStorage.setItem('nastavnik.vision', v) : localStorage.clear()), vision);
    await page.reload();
    await hydrated(page);
    await expectAccessible(page, `/login, ${versionName(vision)}`);
  }
});

for (const [user, paths] of Object.entries(pages)) for (const vision of versions) {
  test(`every page ${user} opens meets WCAG 2.1 AA, ${versionName(vision)}`, async ({ page }) => {
    test.setTimeout(180_000);
    if (vision) await page.addInitScript((v) => localStorage.setItem('nastavnik.vision', v), vision);
    await login(page, user);
    await expect(page.getByTestId('who')).toBeVisible();
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await hydrated(page);
      await expect(page.locator('main')).not.toContainText('Загрузка');
      if (vision) await expect(page.locator(`html[data-vision="${vision}"]`)).toBeAttached();
      found.push(...await violations(page, `${user} ${path}, ${versionName(vision)}`));
    }
    expect(found, 'WCAG 2.1 AA violations').toEqual([]);
  });
}

test('a questionnaire on a tablet meets WCAG 2.1 AA on its first screen', async ({ page }) => {
  await login(page, 'molodoy1');
  await expect(page.getByTestId('who')).toBeVisible();
  await page.goto('/surveys');
  await hydrated(page);
  await page.getByRole('link', { name: 'Заполнить' }).first().click();
  await hydrated(page);
  await expectAccessible(page, 'questionnaire start');
  await page.getByRole('button', { name: 'Начать' }).click();
  await expectAccessible(page, 'questionnaire first screen');
});

test('a pair\'s workspace meets WCAG 2.1 AA in each of its tabs, and the presented deck too', async ({ page }) => {
  await login(page, 'nastavnik1');
  await expect(page.getByTestId('who')).toBeVisible();
  await page.getByRole('link', { name: 'Открыть работу пары' }).first().click();
  await expect(page.getByRole('heading', { name: 'Работа пары' })).toBeVisible();
  await hydrated(page);
  const found: string[] = [];
  for (const tab of await page.getByRole('tab').all()) {
    await tab.click();
    found.push(...await violations(page, `pair workspace, tab «${await tab.textContent()}»`));
  }
  expect(found, 'WCAG 2.1 AA violations').toEqual([]);

  await page.context().clearCookies();
  await login(page, 'metodist');
  await expect(page.getByTestId('who')).toBeVisible();
  await page.goto('/decks/1/present');
  await expect(page.locator('body[data-ready="1"]')).toBeAttached();
  await expectAccessible(page, '/decks/1/present');
});

test('the version for the visually impaired: one switch on every page and the kiosk, large type, two schemes, remembered on the device', async ({ page }) => {
  await page.goto('/login');
  await hydrated(page);
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await rootSize();
  await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
  await expect(page.locator('html[data-vision="light"]')).toBeAttached();
  expect(await rootSize()).toBeGreaterThanOrEqual(normal * 1.5);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.getByRole('button', { name: 'Белым по чёрному' }).click();
  await expect(page.locator('html[data-vision="dark"]')).toBeAttached();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).color)).toBe('rgb(255, 255, 255)');

  // Remembered on this device: the next page opens in it before it is drawn.
  await login(page, 'molodoy1');
  await expect(page.getByTestId('who')).toBeVisible();
  await expect(page.locator('html[data-vision="dark"]')).toBeAttached();
  await page.goto('/surveys');
  await hydrated(page);
  await page.getByRole('link', { name: 'Заполнить' }).first().click();
  await hydrated(page);
  // The questionnaire's own app has the switch too, and turns the version off.
  await expect(page.locator('html[data-vision="dark"]')).toBeAttached();
  await page.getByRole('button', { name: 'Обычная версия' }).click();
  await expect(page.locator('html[data-vision]')).toHaveCount(0);
  expect(await rootSize()).toBe(normal);
  await page.reload();
  await expect(page.locator('html[data-vision]')).toHaveCount(0);
});
