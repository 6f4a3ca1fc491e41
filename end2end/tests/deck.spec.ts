import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Page } from '@playwright/test';
import { expect, hydrated, login, test } from './helpers';

// The demo district talk (deck 1) on the demo database. These tests read it and never change
// it; the composer test makes its own deck.

/** The texts ECharts drew (as SVG) inside one slide. */
async function chartTexts(page: Page, slide: number): Promise<string[]> {
  const texts = page.locator(`section.slide[data-slide="${slide}"] .chart svg text`);
  await expect(texts.first()).toBeAttached();
  return texts.allTextContents();
}

async function openDemoDeck(page: Page, address = '/decks/1/present') {
  await login(page, 'metodist');
  await expect(page).toHaveURL(/\/district$/);
  await page.getByRole('link', { name: 'Презентации' }).click();
  const link = page.getByRole('link', { name: /итоги 2026 года/ });
  await expect(link).toBeVisible();
  await page.goto(address);
  await expect(page.locator('body[data-ready="1"]')).toBeAttached();
}

test('the district deck shows the talk: before/after chart with the demo figures', async ({ page }) => {
  await openDemoDeck(page);
  await expect(page.locator('section.slide')).toHaveCount(10);
  const difficulties = page.locator('section.slide-before_after').first();
  await expect(difficulties.locator('h2')).toContainText('Какие профессиональные трудности');
  const slide = Number(await difficulties.getAttribute('data-slide'));
  const texts = await chartTexts(page, slide);
  // Entry against exit: documentation 31 → 22 %, tasks of different difficulty 38 → 23 %, with n.
  for (const figure of ['31 %', '22 %', '38 %', '23 %', 'На входе (n = 114)', 'На выходе (n = 112)']) {
    expect(texts).toContain(figure);
  }
  await expect(page.locator('section.slide-before_after').nth(1).locator('.headline')).toHaveText('66 % Изменилось в лучшую сторону');
  await expect(page.locator('section.slide-district')).toContainText('579');
  await expect(page.locator('section.slide-district')).toContainText('26 из 32');
  await expect(page.locator('section.slide-counts tr.total td').last()).toHaveText('7');
  const variants = await chartTexts(page, Number(await page.locator('section.slide-variants').getAttribute('data-slide')));
  for (const n of ['20', '10', '24', '25', '1']) expect(variants).toContain(n);
});

test('presenting: full screen, arrows, Page Up/Down and space step, the presenter window follows, with the network gone', async ({ page, context }) => {
  // As the composer and the deck list link it: the stamped address, which the browser keeps.
  await openDemoDeck(page, '/decks/1/present?v=e2e');
  // The hall's network goes away once the deck is open.
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.locator('body')).toHaveClass(/\bshow\b/);
  const counter = page.locator('.deck-counter');
  await expect(counter).toHaveText('1 / 10');
  const step = async (key: string, expected: number) => {
    await page.keyboard.press(key);
    await expect(counter).toHaveText(`${expected} / 10`);
    await expect(page.locator('.frame.current section.slide')).toHaveAttribute('data-slide', String(expected));
  };
  await step('ArrowRight', 2);
  await step('PageDown', 3);
  await step('Space', 4);
  await step('ArrowLeft', 3);
  await step('PageUp', 2);
  await step('End', 10);
  await step('ArrowRight', 10);
  await step('Home', 1);
  // One slide on screen, scaled to 16:9 inside the window.
  await expect(page.locator('.frame:visible')).toHaveCount(1);
  const box = await page.locator('.frame.current').boundingBox();
  expect(Math.abs(box!.width / box!.height - 16 / 9)).toBeLessThan(0.01);

  // The speaker's window: notes and the next slide; stepping there moves the hall's screen.
  await page.keyboard.press('Escape');
  const [presenter] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Окно докладчика' }).click(),
  ]);
  await expect(presenter.locator('body')).toHaveClass(/presenter/);
  await expect(presenter.locator('[data-notes]')).toContainText('Добрый день');
  await expect(presenter.locator('.frame.next section.slide')).toHaveAttribute('data-slide', '2');
  // What the speaker sees in «Следующий слайд» is that slide, not the panel over it: the
  // topmost element at the placeholder's centre belongs to the next slide's frame.
  await expect.poll(() => presenter.evaluate(() => {
    const place = document.querySelector('[data-next]')!.getBoundingClientRect();
    const hit = document.elementFromPoint(place.left + place.width / 2, place.top + place.height / 2);
    return hit?.closest('.frame')?.querySelector('section.slide')?.getAttribute('data-slide') ?? 'nothing';
  })).toBe('2');
  await presenter.keyboard.press('ArrowRight');
  await expect(presenter.locator('[data-notes]')).toContainText('579 педагогов');
  await expect(page.locator('.frame.current section.slide')).toHaveAttribute('data-slide', '2');
  await presenter.close();
  await context.setOffline(false);
});

test('export: a PDF with one slide per page, PNG charts, and one HTML file that presents offline', async ({ page, browser }) => {
  await openDemoDeck(page);

  // PDF through the print stylesheet: one 1280 × 720 page per slide.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(10);
  await page.emulateMedia({ media: 'screen' });

  // A chart as a picture.
  const slide = await page.locator('section.slide-before_after').first().getAttribute('data-slide');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`section.slide[data-slide="${slide}"] .png-button`).first().click(),
  ]);
  expect(png.suggestedFilename()).toBe(`slide-${slide}-chart-1.png`);
  const pngBytes = fs.readFileSync((await png.path())!);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  expect(pngBytes.length).toBeGreaterThan(5_000);

  // The offline file: downloaded, then opened with the network gone.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'HTML для показа без сети' }).click(),
  ]);
  const file = path.join(os.tmpdir(), `deck-${Date.now()}.html`);
  await download.saveAs(file);
  const laptop = await browser.newContext({ offline: true });
  const offline = await laptop.newPage();
  const requests: string[] = [];
  offline.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  await offline.goto('file://' + file);
  await expect(offline.locator('body[data-ready="1"]')).toBeAttached();
  await expect(offline.locator('section.slide')).toHaveCount(10);
  expect(await chartTexts(offline, Number(slide))).toContain('31 %');
  await offline.getByRole('button', { name: 'Показать' }).click();
  await offline.keyboard.press('PageDown');
  await expect(offline.locator('.deck-counter')).toHaveText('2 / 10');
  expect(requests).toEqual([]);
  await laptop.close();
  fs.unlinkSync(file);
});

test('the composer: a new deck from the district figures, a slide dragged to the top and a text slide, saved', async ({ page }) => {
  await login(page, 'metodist');
  await expect(page).toHaveURL(/\/district$/);
  await page.goto('/decks');
  await hydrated(page);
  await page.getByLabel('Название').fill('Совещание кураторов');
  await page.getByRole('button', { name: 'Создать по итогам района' }).click();
  await expect(page).toHaveURL(/\/decks\/\d+$/);
  await hydrated(page);
  const items = page.locator('.slide-item');
  await expect(items).toHaveCount(10);
  await expect(page.getByTestId('snapshot')).toContainText('Данные на');

  // Drag «Охват» (3rd) by its handle above the title slide.
  const handle = items.nth(2).locator('.drag-handle');
  const from = (await handle.boundingBox())!;
  const to = (await items.nth(0).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 40, to.y + 12, { steps: 8 });
  await page.mouse.up();
  await expect(items.nth(0).locator('.slide-kind')).toHaveText('Охват');
  await expect(page.getByTestId('unsaved')).toBeVisible();

  // A text slide after the last one.
  await items.last().locator('.slide-pick').click();
  await page.getByLabel('Вид слайда').selectOption('text');
  await page.getByRole('button', { name: 'Добавить слайд' }).click();
  await expect(items).toHaveCount(11);
  // Typed letter by letter, as a person types: the field keeps the caret throughout.
  await page.getByLabel('Заголовок слайда').pressSequentially('Вопросы и ответы');
  await page.getByLabel('Текст', { exact: true }).fill('- Сроки\n- Отчёты');

  // The first entry-against-exit slide shows the pilot school's answers instead of the district's.
  await items.filter({ hasText: 'Входной и выходной мониторинг' }).first().locator('.slide-pick').click();
  await page.getByLabel('Чьи ответы').selectOption({ label: 'МБОУ «Лицей № 1»' });
  // The counts slide shows School № 7 instead of the pilot.
  await items.filter({ hasText: 'Участники школы' }).first().locator('.slide-pick').click();
  await page.getByLabel('Организация').selectOption({ label: 'МБОУ «Средняя школа № 7»' });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status')).toHaveText('Сохранено');

  await page.reload();
  await hydrated(page);
  await expect(items).toHaveCount(11);
  await expect(items.nth(0).locator('.slide-kind')).toHaveText('Охват');
  await expect(items.nth(10).locator('.slide-line')).toHaveText('Вопросы и ответы');
  const preview = page.frameLocator('iframe.deck-preview');
  await expect(preview.locator('section.slide[data-slide="11"] li')).toHaveText(['Сроки', 'Отчёты']);
  await expect(preview.locator('section.slide-counts h2')).toHaveText('МБОУ «Средняя школа № 7»: участники программы');
  const school = preview.locator('section.slide-before_after').first();
  await expect(school.locator('.slide-scope')).toHaveText('МБОУ «Лицей № 1»');
  await expect(school.locator('.caption')).toHaveText('На входе n = 3, на выходе n = 2; ответили оба раза: 2');
});

test('a curator pulls an open answer into the SWOT board and saves it', async ({ page }) => {
  await login(page, 'kurator1');
  await expect(page.getByTestId('who')).toBeVisible();
  await page.goto('/programmes/1/swot');
  await hydrated(page);
  const answer = page.locator('.swot-answers li', { hasText: 'призёрами муниципальной олимпиады' });
  await answer.getByRole('button', { name: 'В «Возможности»' }).click();
  const opportunities = page.locator('section.quadrant.opportunities');
  await expect(opportunities.locator('input[aria-label="Возможности"]').last()).toHaveValue(/олимпиады/);
  await page.getByLabel('Угрозы: Новый пункт').fill('Болезни в период ОРВИ');
  await page.getByLabel('Угрозы: Новый пункт').press('Enter');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status')).toHaveText('Сохранено');
  await page.reload();
  await hydrated(page);
  await expect(opportunities.locator('input[aria-label="Возможности"]').last()).toHaveValue(/олимпиады/);
  await expect(page.locator('section.quadrant.threats input[aria-label="Угрозы"]').last()).toHaveValue('Болезни в период ОРВИ');
});

test('ECharts is loaded where charts are drawn and never on the questionnaire pages', async ({ page }) => {
  const echarts: string[] = [];
  const bundles: string[] = [];
  page.on('request', (r) => {
    if (/echarts/i.test(r.url())) echarts.push(r.url());
    if (/\/pkg\/.*\.wasm$/.test(r.url())) bundles.push(new URL(r.url()).pathname);
  });
  await login(page, 'molodoy1');
  await expect(page).toHaveURL(/\/me$/);
  await page.goto('/surveys');
  await hydrated(page);
  bundles.length = 0;
  await page.getByRole('link', { name: 'Заполнить' }).first().click();
  await expect(page).toHaveURL(/\/surveys\/\d+$/);
  await hydrated(page);
  await page.getByRole('button', { name: 'Начать' }).click();
  await expect(page.locator('.taker-step')).toBeVisible();
  expect(echarts).toEqual([]);
  // The questionnaire is hydrated by the respondent's own small bundle, not the whole app's.
  expect(bundles).toEqual([expect.stringMatching(/^\/pkg\/[0-9a-f]{16}\/respondent\.wasm$/)]);

  // The same browser on a page with charts does fetch it: the check above can fail.
  await page.context().clearCookies();
  await login(page, 'kurator1');
  await expect(page.getByTestId('who')).toBeVisible();
  await page.goto('/reports/before-after');
  await expect(page.locator('.chart svg').first()).toBeAttached();
  expect(echarts.length).toBe(1);
});
