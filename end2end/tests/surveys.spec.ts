import { Browser, BrowserContext, Page } from '@playwright/test';
import { answerScreen, answerToSummary, createWave, expect, hydrated, login, openWaves, test } from './helpers';

// A school tablet held upright: touch screen, 820 × 1180.
const tablet = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, locale: 'ru-RU' };
test.use(tablet);

/** A tablet that a curator turns into a kiosk for the wave in the given row position. */
async function openKiosk(browser: Browser, programme: string, rowIndex: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...tablet, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await login(page, 'kurator7');
  await expect(page).toHaveURL(/\/participants$/);
  await openWaves(page, programme);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByTestId('waves').locator('tbody tr').nth(rowIndex).getByRole('button', { name: 'Киоск на этом устройстве' }).tap();
  await expect(page).toHaveURL(/\/kiosk$/);
  await hydrated(page);
  return { context, page };
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel('Введите личный код с карточки (6 цифр)').fill(code);
  await page.getByRole('button', { name: 'Начать' }).tap();
  await expect(page.getByTestId('taker')).toBeVisible();
  await page.getByRole('button', { name: 'Начать' }).tap();
}

test('a young teacher takes the exit questionnaire on a tablet, reloads midway and resumes', async ({ page, browser }) => {
  await login(page, 'molodoy1');
  await expect(page).toHaveURL(/\/me$/);
  await page.goto('/surveys');
  await hydrated(page);
  await page.getByRole('link', { name: 'Заполнить' }).tap();
  await expect(page.getByRole('heading', { name: 'Профессиональные трудности молодого педагога' })).toBeVisible();
  // The questionnaire is its own small app: a full page load, hydrated anew.
  await hydrated(page);
  await page.getByRole('button', { name: 'Начать' }).tap();

  // A required question left empty stops the way on, with the reason next to it.
  await page.getByRole('button', { name: 'Далее' }).tap();
  await expect(page.getByText('Это обязательный вопрос').first()).toBeVisible();
  await answerScreen(page, 'Математика');
  await page.getByRole('button', { name: 'Далее' }).tap();
  await answerScreen(page, 'Математика');
  await page.getByRole('button', { name: 'Далее' }).tap();
  const step = await page.locator('.taker-step').textContent();
  expect(step).toMatch(/^Шаг 3 из \d+$/);

  // The tab is reloaded (or the battery dies): the respondent is back where they were.
  await page.reload();
  await hydrated(page);
  await expect(page.locator('.taker-step')).toHaveText(step!);
  await page.getByRole('button', { name: 'Назад' }).tap();
  await expect(page.locator('.taker-screen .selected').first()).toBeVisible();
  await page.getByRole('button', { name: 'Далее' }).tap();

  await answerToSummary(page, '<b>Стало</b> проще планировать уроки');
  await expect(page.locator('.summary')).toContainText('<b>Стало</b> проще планировать уроки');
  await page.getByRole('button', { name: 'Отправить' }).tap();
  await expect(page.getByTestId('thanks')).toContainText('Ваши ответы получены.');

  // The curator sees all three young teachers answered the exit questionnaire.
  const curator = await browser.newPage();
  await login(curator, 'kurator1');
  await expect(curator).toHaveURL(/\/participants$/);
  await openWaves(curator, 'Наставничество молодых педагогов');
  const exitRow = curator.getByTestId('waves').locator('tbody tr', { hasText: 'Выходное' }).filter({ hasText: 'Наставляемый' })
    .filter({ hasText: 'Профессиональные трудности' });
  await expect(exitRow.locator('.rate')).toHaveText('3 из 3 (100%)');
  await exitRow.getByRole('link', { name: 'Результаты' }).click();
  await expect(curator.getByTestId('rate')).toHaveText('Ответили 3 из 3: 100%');
  // Open answers are listed as text, markup and all.
  await expect(curator.locator('.open-answers li', { hasText: '<b>Стало</b> проще планировать уроки' }).first()).toBeVisible();
  await expect(curator.locator('.open-answers b')).toHaveCount(0);
  await curator.close();
});

test('a kiosk: one respondent finishes offline, the answers arrive once, the next respondent sees nothing of them', async ({ page, browser }) => {
  // The curator gives the school's satisfaction questionnaire to the peer programme's mentees.
  await login(page, 'kurator7');
  await expect(page).toHaveURL(/\/participants$/);
  await openWaves(page, 'Ученик – ученик');
  const row = await createWave(page, 'Входное', false);
  const rowIndex = (await page.getByTestId('waves').locator('tbody tr').count()) - 1;
  await page.getByRole('button', { name: 'Выдать именные коды всем участникам' }).click();
  await expect(page.getByText(/Именных кодов: [1-9]/)).toBeVisible();
  await page.getByRole('link', { name: 'Карточки для печати' }).click();
  const slips = page.getByTestId('slips').locator('.slip', { hasText: 'Наставляемый' });
  const first = (await slips.nth(0).locator('.slip-code').textContent())!;
  const second = (await slips.nth(1).locator('.slip-code').textContent())!;

  const { context, page: kiosk } = await openKiosk(browser, 'Ученик – ученик', rowIndex);
  await enterCode(kiosk, first);
  await answerScreen(kiosk, 'Секрет первого респондента');
  await kiosk.getByRole('button', { name: 'Далее' }).tap();
  // The school Wi-Fi drops in the middle of the questionnaire.
  await context.setOffline(true);
  await answerToSummary(kiosk, 'Секрет первого респондента');
  await kiosk.getByRole('button', { name: 'Отправить' }).tap();
  await expect(kiosk.getByTestId('thanks')).toContainText('Ответы сохранены на этом устройстве');
  await expect(kiosk.getByTestId('outbox')).toContainText('Ожидают отправки на этом устройстве: 1');
  await page.goto(page.url().replace(/\/codes$/, '/surveys'));
  await hydrated(page);
  await expect(page.getByTestId('waves').locator('tbody tr').nth(rowIndex).locator('.rate')).toHaveText(/^0 из/);

  // The network returns: the queued questionnaire goes out by itself, exactly once.
  await context.setOffline(false);
  await expect(kiosk.getByTestId('outbox')).toBeHidden();
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId('waves').locator('tbody tr').nth(rowIndex).locator('.rate')).toHaveText(/^1 из/);

  // The next respondent starts from a clean questionnaire.
  await kiosk.getByRole('button', { name: 'Следующий участник' }).tap();
  await enterCode(kiosk, second);
  await answerToSummary(kiosk, 'Ответ второго', async () => {
    await expect(kiosk.locator('.taker-screen .selected')).toHaveCount(0);
    for (const field of await kiosk.locator('.answer-text').all()) await expect(field).toHaveValue('');
  });
  await expect(kiosk.locator('body')).not.toContainText('Секрет первого респондента');
  await kiosk.getByRole('button', { name: 'Отправить' }).tap();
  await expect(kiosk.getByTestId('thanks')).toContainText('Ваши ответы получены.');
  // The same code cannot answer twice.
  await kiosk.getByRole('button', { name: 'Следующий участник' }).tap();
  await kiosk.getByLabel('Введите личный код с карточки (6 цифр)').fill(first);
  await kiosk.getByRole('button', { name: 'Начать' }).tap();
  await expect(kiosk.getByRole('alert').filter({ hasText: 'уже заполнена' })).toBeVisible();

  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId('waves').locator('tbody tr').nth(rowIndex).locator('.rate')).toHaveText(/^2 из/);

  // The kiosk reaches nothing else: no session, every other page asks for a login.
  await kiosk.goto('/participants');
  await expect(kiosk).toHaveURL(/\/login$/);
  await context.close();
  void row;
});

test('an anonymous entry and exit are linked by the slip code, and no name is stored', async ({ page, browser }) => {
  await login(page, 'kurator7');
  await expect(page).toHaveURL(/\/participants$/);
  await openWaves(page, 'Учитель – ученик');
  await createWave(page, 'Входное', true);
  await createWave(page, 'Выходное', true);
  const rows = page.getByTestId('waves').locator('tbody tr');
  const exitIndex = (await rows.count()) - 1;
  const entryIndex = exitIndex - 1;
  const entryId = await rows.nth(entryIndex).getAttribute('data-wave');
  const exitId = await rows.nth(exitIndex).getAttribute('data-wave');
  await page.getByLabel('Анонимных карточек').fill('1');
  await page.getByRole('button', { name: 'Выдать анонимные карточки' }).click();
  await expect(page.getByText(/Анонимных карточек: 1\./)).toBeVisible();
  await page.getByRole('link', { name: 'Карточки для печати' }).click();
  const slip = page.getByTestId('slips').locator('.slip', { hasText: 'Анонимная карточка' });
  await expect(slip).toHaveCount(1);
  const code = (await slip.locator('.slip-code').textContent())!;

  for (const index of [entryIndex, exitIndex]) {
    const { context, page: kiosk } = await openKiosk(browser, 'Учитель – ученик', index);
    await enterCode(kiosk, code);
    await answerToSummary(kiosk, 'Анонимный ответ');
    await kiosk.getByRole('button', { name: 'Отправить' }).tap();
    await expect(kiosk.getByTestId('thanks')).toContainText('Ваши ответы получены.');
    await context.close();
  }

  // One respondent is fewer than five: nothing drawn from the waves is shown or exported, so
  // nobody learns how the one pupil answered.
  for (const id of [entryId, exitId]) {
    const response = await page.request.get(`/export/wave/${id}.csv`);
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain('Менее 5 ответов');
  }
  await page.goto(`/waves/${exitId}/results`);
  await hydrated(page);
  await expect(page.getByTestId('rate')).toContainText('Ответили 1');
  await expect(page.getByTestId('too-few')).toContainText('Менее 5 ответов');
  await expect(page.locator('.result')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('Анонимный ответ');
  await expect(page.locator('body')).not.toContainText(code);
});

test('a curator builds a questionnaire from a template: edits, drags a question by touch, previews and saves', async ({ page }) => {
  await login(page, 'kurator12');
  await expect(page).toHaveURL(/\/participants$/);
  await page.getByRole('link', { name: 'Анкеты' }).click();
  await expect(page.getByRole('heading', { name: 'Анкеты школы' })).toBeVisible();
  const template = page.locator('.templates .card', { hasText: 'Удовлетворённость наставника работой в программе' });
  await template.getByRole('button', { name: 'Взять за основу' }).tap();
  await expect(page).toHaveURL(/\/questionnaires\/\d+$/);
  await expect(page.getByTestId('version')).toHaveText('Версия 1. Ответов на неё пока нет');

  const editors = page.locator('.question-editor');
  const firstText = page.getByLabel('Текст вопроса').first();
  const original = await firstText.inputValue();
  const secondText = await page.getByLabel('Текст вопроса').nth(1).inputValue();
  // An empty question is refused with its reason, and nothing typed is lost.
  await firstText.fill('');
  await page.getByRole('button', { name: 'Сохранить' }).tap();
  await expect(page.getByText('Анкета не сохранена: исправьте отмеченные вопросы')).toBeVisible();
  await expect(editors.first().getByRole('alert')).toHaveText('Напишите текст вопроса');
  await firstText.fill('Хватает ли вам времени на встречи с наставляемым?');

  // Drag the second question above the first by its handle, with a finger.
  const handle = editors.nth(1).locator('.drag-handle');
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await editors.first().boundingBox())!;
  const target = Math.max(to.y + to.height / 2, 120);
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: string, x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', from.x + from.width / 2, from.y + from.height / 2);
  for (let step = 1; step <= 10; step++) {
    await touch('touchMove', from.x + from.width / 2, from.y + from.height / 2 - ((from.y + from.height / 2 - target) * step) / 10);
  }
  await touch('touchEnd', 0, 0);
  await expect(page.getByLabel('Текст вопроса').first()).toHaveValue(secondText);
  await expect(page.getByLabel('Текст вопроса').nth(1)).toHaveValue('Хватает ли вам времени на встречи с наставляемым?');

  // Add a yes/no question at the end of the first section.
  await page.getByRole('button', { name: 'Добавить вопрос' }).first().tap();
  const added = page.locator('.builder-section').first().locator('.question-editor').last();
  await added.getByLabel('Текст вопроса').fill('Готовы ли вы взять ещё одного наставляемого?');
  await added.getByLabel('Тип вопроса').selectOption({ label: 'Да / нет' });

  // The preview shows it as a respondent would.
  await page.getByRole('checkbox', { name: 'Предпросмотр' }).check();
  await expect(page.getByTestId('taker')).toBeVisible();
  await page.getByRole('button', { name: 'Начать' }).tap();
  await expect(page.locator('fieldset.question').first()).toContainText(secondText);
  await page.getByRole('checkbox', { name: 'Предпросмотр' }).uncheck();

  await page.getByRole('button', { name: 'Сохранить' }).tap();
  await expect(page.getByText('Сохранено (версия 1)')).toBeVisible();
  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel('Текст вопроса').first()).toHaveValue(secondText);
  await expect(page.locator('.builder-section').first().locator('.question-editor').last().getByLabel('Текст вопроса'))
    .toHaveValue('Готовы ли вы взять ещё одного наставляемого?');
  expect(original).not.toBe('');
});
