import { Browser, BrowserContext, Page } from '@playwright/test';
import * as fs from 'node:fs';
import { test, expect, hydrated, login, zipEntry } from './helpers';

// A phone held in the hand: the pair's workspace is used between lessons.
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'ru-RU' };
// This story's own demo district (see playwright.config.ts), untouched by the board's tests.
const baseURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 2}`;
test.use({ baseURL });

async function onPhone(browser: Browser, user: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...phone, baseURL });
  const page = await context.newPage();
  await login(page, user);
  await expect(page).toHaveURL(/\/me$/);
  await hydrated(page);
  return { context, page };
}

async function openPairWork(page: Page) {
  await page.getByRole('link', { name: 'Открыть работу пары' }).first().tap();
  await expect(page.getByRole('heading', { name: 'Работа пары' })).toBeVisible();
  await hydrated(page);
}

/** Today in the district (Moscow), as the date field takes it. */
function today(): string {
  return new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
}

test('on phones a mentor plans a meeting, the mentee sees it, both record it, and a private diary entry stays private', async ({ browser }) => {
  const mentor = await onPhone(browser, 'nastavnik1');
  // The mentor's home: the pair, its next meeting and plan, and reminders.
  await expect(mentor.page.getByTestId('reminders')).toBeVisible();
  await expect(mentor.page.getByText('Подготовка открытого урока').first()).toBeVisible();
  await openPairWork(mentor.page);
  await expect(mentor.page.getByTestId('cycle-ahead')).toContainText('Итоговая встреча');

  // A meeting typed wrongly is refused next to its field, and nothing typed is lost.
  await mentor.page.getByRole('button', { name: 'Запланировать встречу' }).tap();
  const editor = mentor.page.getByTestId('meeting-editor');
  await editor.getByLabel('Тема').fill('Разбор контрольной работы в 6А');
  await editor.getByRole('button', { name: 'Сохранить' }).tap();
  await expect(editor.getByText('Выберите вид встречи')).toBeVisible();
  await expect(editor.getByLabel('Тема')).toHaveValue('Разбор контрольной работы в 6А');
  await editor.getByLabel('Вид встречи').selectOption({ label: 'Пробная рабочая встреча' });
  await editor.getByLabel('Дата').fill(today());
  await editor.getByRole('button', { name: 'Сохранить' }).tap();
  await expect(editor).toBeHidden();
  const mentorsCard = mentor.page.getByTestId('meeting').filter({ hasText: 'Разбор контрольной работы в 6А' });
  await expect(mentorsCard).toContainText('запланирована');

  // The mentee sees it on their phone and records it as held.
  const mentee = await onPhone(browser, 'molodoy1');
  await openPairWork(mentee.page);
  const menteesCard = mentee.page.getByTestId('meeting').filter({ hasText: 'Разбор контрольной работы в 6А' });
  await expect(menteesCard).toContainText('запланирована');
  await menteesCard.getByRole('button', { name: 'Отметить проведённой' }).tap();
  const menteeEditor = mentee.page.getByTestId('meeting-editor');
  await expect(menteeEditor.getByLabel('Встреча проведена')).toBeChecked();
  await menteeEditor.getByLabel('Что сделано').fill('Разобрали типичные ошибки, составили карточки');
  await menteeEditor.getByRole('button', { name: 'Сохранить' }).tap();
  await expect(menteesCard).toContainText('проведена');

  // The mentor records the next step on the same meeting, on the version the mentee saved.
  await mentor.page.reload();
  await hydrated(mentor.page);
  await expect(mentorsCard).toContainText('Разобрали типичные ошибки');
  await mentorsCard.getByRole('button', { name: 'Изменить' }).tap();
  await editor.getByLabel('Следующий шаг').fill('Провести повторную работу');
  await editor.getByRole('button', { name: 'Сохранить' }).tap();
  await expect(mentorsCard).toContainText('Провести повторную работу');
  await mentee.page.reload();
  await hydrated(mentee.page);
  await expect(menteesCard).toContainText('Провести повторную работу');

  // The mentee writes a diary entry shared with nobody.
  await mentee.page.getByRole('tab', { name: 'Дневник' }).tap();
  await mentee.page.getByRole('button', { name: 'Новая запись' }).tap();
  const diary = mentee.page.getByTestId('diary-editor');
  await diary.getByLabel('Что было трудно?').fill('Боюсь открытого урока — пишу только для себя');
  await expect(diary.getByLabel('Партнёру по паре')).not.toBeChecked();
  await diary.getByRole('button', { name: 'Сохранить' }).tap();
  await expect(mentee.page.getByTestId('diary-entry').filter({ hasText: 'Боюсь открытого урока' })).toContainText('только автору');

  // The mentor cannot open it: not on the page, not in what the server sends.
  await mentor.page.getByRole('tab', { name: 'Дневник' }).tap();
  await expect(mentor.page.getByTestId('diary-entry').first()).toBeVisible();
  await expect(mentor.page.getByText('Боюсь открытого урока')).toHaveCount(0);
  await mentor.page.reload();
  expect(await mentor.page.content()).not.toContain('Боюсь открытого урока');

  await mentor.context.close();
  await mentee.context.close();
});

test('on a laptop the curator sees the flagged pair, closes a finished pair with its result and downloads the letter of thanks', async ({ page, browser }) => {
  // The mentor's name, as the curator will look for it.
  const mentor = await onPhone(browser, 'nastavnik1');
  const mentorName = (await mentor.page.getByTestId('who').textContent())!.trim();
  await mentor.context.close();

  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, 'kurator1');
  await expect(page).toHaveURL(/\/participants$/);
  await page.goto('/programmes');
  await hydrated(page);
  await page.getByRole('link', { name: 'Наставничество молодых педагогов' }).click();
  await page.getByRole('link', { name: 'Работа пар' }).click();
  await hydrated(page);
  const lines = page.getByTestId('pair-line');
  // The pair that went quiet comes first, flagged with why.
  await expect(lines.first()).toHaveClass(/flagged/);
  await expect(lines.first()).toContainText(/нет встреч \d+ (день|дня|дней)/);
  await expect(page.getByTestId('flagged-count')).toContainText('Требуют внимания: 1');

  // The curator closes the mentor's pair with its result.
  const line = lines.filter({ hasText: mentorName });
  await line.getByRole('link', { name: mentorName }).click();
  await expect(page.getByRole('heading', { name: 'Работа пары' })).toBeVisible();
  await hydrated(page);
  await page.getByRole('tab', { name: 'Итоги' }).click();
  const form = page.getByTestId('outcome-form');
  await form.getByLabel('Решение').selectOption({ label: 'Завершить: цели достигнуты' });
  await form.getByRole('button', { name: 'Сохранить итог' }).click();
  await expect(form.getByText('Заполните поле')).toBeVisible();
  await form.getByLabel('Достигнутые цели').fill('Составляет рабочую программу и банк заданий сама');
  await form.getByRole('button', { name: 'Сохранить итог' }).click();
  await expect(page.getByTestId('outcome')).toContainText('Завершена');
  await expect(page.getByTestId('read-only')).toContainText('Работа пары завершена');

  // Back on the overview: the pair is finished; the curator chooses its mentor for a letter.
  await page.goBack();
  await hydrated(page);
  await expect(line).toContainText('Завершена');
  await line.getByRole('checkbox').check();
  await expect(line.getByRole('checkbox')).toBeChecked();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Письма в DOCX' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^thanks-\d+\.docx$/);
  const text = zipEntry(fs.readFileSync((await download.path())!), 'word/document.xml');
  expect(text).toContain(mentorName);
  expect(text).toContain('Составляет рабочую программу и банк заданий сама');

  // The same letters to print, one per page: the demo's finished pair's mentor and this one.
  await page.getByRole('link', { name: 'Благодарственные письма' }).click();
  await hydrated(page);
  await expect(page.getByTestId('letter')).toHaveCount(2);
  await expect(page.getByTestId('letter').filter({ hasText: mentorName })).toContainText('Благодарственное письмо');
});

test('a curator publishes a practice, the coordinator finds it by form and marks it for the forum', async ({ page, browser }) => {
  await login(page, 'kurator1');
  await expect(page).toHaveURL(/\/participants$/);
  await page.getByRole('link', { name: 'Практики' }).click();
  await hydrated(page);
  await page.getByRole('button', { name: 'Опубликовать практику' }).click();
  const editor = page.getByTestId('practice-editor');
  await editor.getByLabel('Название практики').fill('Дневник рефлексии в паре');
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  // Every missing field says so; what was typed stays.
  await expect(editor.getByText('Выберите форму наставничества')).toBeVisible();
  await expect(editor.getByLabel('Название практики')).toHaveValue('Дневник рефлексии в паре');
  await editor.getByLabel('Форма').selectOption({ label: 'Учитель – учитель' });
  await editor.getByLabel('Компетенция').selectOption({ label: 'Акмеологическая' });
  await editor.getByLabel('Что сделано').fill('Раз в месяц наставник и молодой педагог пишут в дневник и обсуждают записи');
  await editor.getByLabel('Результаты').fill('Молодой педагог сам ставит цели на месяц');
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('practice').filter({ hasText: 'Дневник рефлексии в паре' })).toBeVisible();

  const context = await browser.newContext({ baseURL });
  const coordinator = await context.newPage();
  await login(coordinator, 'metodist');
  await coordinator.getByRole('link', { name: 'Практики' }).click();
  await expect(coordinator.getByRole('heading', { name: 'Банк лучших практик' })).toBeVisible();
  await hydrated(coordinator);
  await coordinator.getByLabel('Компетенция').selectOption({ label: 'Акмеологическая' });
  const found = coordinator.getByTestId('practice');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('Дневник рефлексии в паре');
  await found.getByRole('button', { name: 'Отметить для форума' }).click();
  await expect(found).toContainText('Для форума');
  await coordinator.getByLabel('Только отмеченные для форума').check();
  await coordinator.getByLabel('Компетенция').selectOption({ label: 'Все компетенции' });
  // The demo's marked practice and this one.
  await expect(coordinator.getByTestId('practice')).toHaveCount(2);
  await context.close();
});
