import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Browser, Page } from '@playwright/test';
import { expect, hydrated, test, zipEntry } from './helpers';
import { expectAccessible } from './a11y';

// The journey continues from the first run: one district, built up test by test.
test.describe.configure({ mode: 'serial' });
// The second server of playwright.config.ts: an empty database, started without --demo.
const base = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

/** The code the server printed at start-up, read from its log as an administrator would. */
function printedCode(): string {
  const log = readFileSync(path.join(__dirname, '..', '..', 'target', 'e2e-empty', 'server.log'), 'utf8');
  const match = log.match(/Первый запуск: .*\/setup и введите код (\d{3}-\d{3}-\d{3})/);
  if (!match) throw new Error(`no first-run code in the log:\n${log}`);
  return match[1];
}

test('a district starts from an empty database with the printed code, once', async ({ page }) => {
  // Nobody can sign in yet, not even with the demo's password: the login page sends to the first run.
  await page.goto(`${base}/login`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Первый запуск' })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page, '/setup');

  await page.getByLabel('Код первого запуска').fill('000-000-000');
  await page.getByLabel('Название района').fill('Озёрный район');
  await page.getByLabel('Часовой пояс района').selectOption({ label: 'Екатеринбург (МСК+2)' });
  await page.getByLabel('Фамилия, имя, отчество').fill('Смирнова Ольга Петровна');
  await page.getByLabel('Логин').fill('smirnova');
  await page.getByLabel('Пароль', { exact: true }).fill('qwertyuiop');
  await page.getByLabel('Пароль ещё раз').fill('qwertyuiop');
  await page.getByRole('button', { name: 'Создать район и войти' }).click();
  // Checked on the device before anything is sent; what was typed stays.
  await expect(page.getByText('Этот пароль слишком распространён — его легко угадать')).toBeVisible();
  await expect(page.getByLabel('Название района')).toHaveValue('Озёрный район');

  await page.getByLabel('Пароль', { exact: true }).fill('сирень цветёт в мае');
  await page.getByLabel('Пароль ещё раз').fill('сирень цветёт в мае');
  await page.getByRole('button', { name: 'Создать район и войти' }).click();
  // The server knows the code is wrong.
  await expect(page.getByText('Неверный код первого запуска')).toBeVisible();
  await expectAccessible(page, '/setup with an error');

  await page.getByLabel('Код первого запуска').fill(printedCode());
  await page.getByRole('button', { name: 'Создать район и войти' }).click();
  await expect(page).toHaveURL(/\/district$/);
  await expect(page.getByText('Смирнова Ольга Петровна')).toBeVisible();

  // The page is gone for everyone, and the coordinator signs in with the chosen password.
  const stranger = await page.context().browser()!.newPage();
  await stranger.goto(`${base}/setup`);
  await expect(stranger.getByTestId('setup-done')).toBeVisible();
  await stranger.goto(`${base}/login`);
  await expect(stranger).toHaveURL(/\/login$/);
  await hydrated(stranger);
  await stranger.getByLabel('Логин').fill('smirnova');
  await stranger.getByLabel('Пароль').fill('сирень цветёт в мае');
  await stranger.getByRole('button', { name: 'Войти' }).click();
  await expect(stranger).toHaveURL(/\/district$/);
  await stranger.close();
});

const PASSWORD = 'сирень цветёт в мае';

/** A new device: its own cookies, as another person's tablet or laptop. */
async function device(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, locale: 'ru-RU' });
  return context.newPage();
}

async function signIn(page: Page, login: string, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await hydrated(page);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** The first entry with a slip: login, code, a chosen password. */
async function firstEntry(page: Page, login: string, code: string) {
  await page.goto(`${base}/login`);
  await page.getByRole('link', { name: 'Первый вход по коду приглашения' }).click();
  await expect(page.getByRole('heading', { name: 'Первый вход' })).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Код приглашения').fill(code);
  await page.getByLabel('Новый пароль').fill(PASSWORD);
  await page.getByLabel('Пароль ещё раз').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти и сохранить пароль' }).click();
}

test('the coordinator adds a school and its curator, who enters with the slip and brings the school in', async ({ browser }) => {
  const coordinator = await device(browser);
  await signIn(coordinator, 'smirnova');
  await expect(coordinator).toHaveURL(/\/district$/);
  await coordinator.getByRole('link', { name: 'Школы и кураторы' }).click();
  await hydrated(coordinator);
  await coordinator.getByLabel('Полное название').fill('МБОУ «Средняя школа № 3»');
  await coordinator.getByLabel('Обучающихся').fill('540');
  await coordinator.getByLabel('Педагогов', { exact: true }).fill('41');
  await coordinator.getByLabel('Педагогов до 35 лет').fill('9');
  await coordinator.getByLabel('Молодых специалистов (стаж до 3 лет)').fill('3');
  await coordinator.getByLabel('Численность на дату').fill('2026-09-01');
  await coordinator.getByRole('button', { name: 'Сохранить' }).click();
  await expect(coordinator.getByTestId('schools')).toContainText('МБОУ «Средняя школа № 3»');

  await coordinator.getByLabel('Школа', { exact: true }).selectOption({ label: 'МБОУ «Средняя школа № 3»' });
  await coordinator.getByLabel('Фамилия, имя, отчество').fill('Орлова Анна Игоревна');
  await coordinator.getByLabel('Логин').fill('orlova');
  await coordinator.getByRole('button', { name: 'Создать учётную запись' }).click();
  const slip = coordinator.getByTestId('slip');
  await expect(slip.getByTestId('slip-login')).toHaveText('orlova');
  const code = (await slip.getByTestId('slip-code').textContent())!.trim();
  expect(code).toMatch(/^\d{4}-\d{4}$/);

  // The curator, on her own laptop: the first entry, then her programme and her people.
  const curator = await device(browser);
  await firstEntry(curator, 'orlova', code);
  await expect(curator).toHaveURL(/\/participants$/);
  await curator.goto(`${base}/programmes`);
  await hydrated(curator);
  await curator.getByRole('button', { name: 'Новая программа' }).click();
  await curator.getByLabel('Название программы').fill('Наставничество молодых педагогов');
  await curator.getByLabel('Форма').selectOption({ label: 'Учитель – учитель' });
  await curator.getByLabel('Опытный педагог – молодой специалист').check();
  await curator.getByLabel('Начало').fill('2026-10-01');
  await curator.getByLabel('Окончание').fill('2027-05-31');
  await curator.getByRole('button', { name: 'Создать программу' }).click();
  await expect(curator.getByRole('heading', { name: 'Наставничество молодых педагогов' })).toBeVisible();

  await curator.goto(`${base}/import`);
  await hydrated(curator);
  await curator.getByLabel('Участники войдут в программу').selectOption({ label: 'Наставничество молодых педагогов' });
  await curator.locator('input[type="file"]').setInputFiles(path.join(__dirname, 'fixtures', 'new-school.csv'));
  await curator.getByRole('button', { name: 'Проверить файл' }).click();
  await expect(curator.getByTestId('import-summary')).toContainText('2 строки без ошибок');
  await curator.getByRole('button', { name: 'Импортировать' }).click();
  await expect(curator.getByTestId('import-done')).toBeVisible();

  // Access for the mentor and the mentee, as slips to print.
  await curator.goto(`${base}/participants`);
  await curator.getByRole('link', { name: 'Доступ участников' }).click();
  await hydrated(curator);
  await curator.getByLabel('Выбрать: Громова Вера Павловна').check();
  await curator.getByLabel('Выбрать: Щукина Юлия Андреевна').check();
  await curator.getByTestId('give-access').click();
  await expect(curator.getByTestId('slip')).toHaveCount(2);
  const menteeSlip = curator.getByTestId('slip').filter({ hasText: 'Щукина Юлия' });
  await expect(menteeSlip.getByTestId('slip-login')).toHaveText('shchukina.i');
  const menteeCode = (await menteeSlip.getByTestId('slip-code').textContent())!.trim();
  await curator.emulateMedia({ media: 'print' });
  await expect(curator.getByRole('button', { name: 'Выдать доступ' })).toBeHidden();
  await curator.emulateMedia({ media: 'screen' });

  // The young teacher, on a school tablet: the first entry lands on her own page.
  const mentee = await device(browser);
  await mentee.setViewportSize({ width: 820, height: 1180 });
  await firstEntry(mentee, 'shchukina.i', menteeCode);
  await expect(mentee).toHaveURL(/\/me$/);
  await mentee.getByRole('link', { name: 'Мои анкеты' }).click();
  await expect(mentee.getByRole('heading', { name: 'Мои анкеты' })).toBeVisible();

  // The curator pairs them and fixes the pair; the order lists it.
  await curator.goto(`${base}/programmes`);
  await curator.getByRole('link', { name: 'Наставничество молодых педагогов' }).click();
  await curator.getByRole('link', { name: 'Открыть доску' }).click();
  await hydrated(curator);
  const card = curator.getByTestId('mentee').filter({ hasText: 'Щукина Юлия' });
  await card.getByRole('button', { name: 'Щукина Юлия' }).focus();
  await curator.keyboard.press('Enter');
  await curator.getByTestId('mentor').filter({ hasText: 'Громова Вера' }).locator('.mentor-head').click();
  await expect(curator.getByTestId('mentor').filter({ hasText: 'Громова Вера' }).getByTestId('mentee')).toHaveCount(1);
  await curator.getByRole('button', { name: 'Зафиксировать пары' }).click();
  await expect(curator.getByRole('status')).toContainText('Пары зафиксированы');
  await curator.getByRole('link', { name: 'Приказ о закреплении' }).click();
  const order = curator.getByTestId('order');
  await expect(order).toContainText('МБОУ «Средняя школа № 3»');
  await expect(order.locator('tbody tr')).toHaveCount(1);
  await expect(order.locator('tbody tr')).toContainText('Щукина Юлия');

  // The order's number, date and signatory, then the same order as a Word document.
  await hydrated(curator);
  await curator.getByLabel('Номер приказа').fill('112-о');
  await curator.getByLabel('Дата приказа').fill('2026-10-05');
  await curator.getByLabel('Должность руководителя').fill('Директор');
  await curator.getByLabel('Руководитель: фамилия и инициалы').fill('Петров П. П.');
  await curator.getByRole('button', { name: 'Сохранить' }).click();
  await expect(curator.getByTestId('order-number')).toHaveText('от 05.10.2026 № 112-о');
  await expect(order).toContainText('Директор');
  await expect(order.locator('.signer')).toHaveCount(2);
  const download = curator.waitForEvent('download');
  await curator.getByRole('link', { name: 'Word (DOCX)' }).click();
  const file = await (await download).path();
  const xml = zipEntry(readFileSync(file!), 'word/document.xml');
  for (const text of ['Приказ о закреплении наставнических пар', 'от 05.10.2026 № 112-о', 'Громова Вера Павловна', 'Щукина Юлия Андреевна', 'Петров П. П.']) {
    expect(xml, text).toContain(text);
  }
});

test('the curator writes the passport, extends the period with its reason, keeps the documents and lets a young teacher mentor in a second programme', async ({ browser }) => {
  const curator = await device(browser);
  await signIn(curator, 'orlova');
  await expect(curator).toHaveURL(/\/participants$/);

  // The passport, and a longer period: refused without its reason, kept with it.
  await curator.goto(`${base}/programmes`);
  await curator.getByRole('link', { name: 'Наставничество молодых педагогов' }).click();
  await hydrated(curator);
  await curator.getByRole('button', { name: 'Изменить программу' }).click();
  const edit = curator.getByTestId('programme-edit');
  await edit.getByLabel('Цель').fill('Адаптация молодых педагогов в школе');
  await edit.getByLabel('Режим реализации').selectOption({ label: 'Смешанная' });
  await edit.getByLabel('Окончание').fill('2027-06-30');
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(edit.getByText('Укажите, почему меняется срок')).toBeVisible();
  await expect(edit.getByLabel('Цель')).toHaveValue('Адаптация молодых педагогов в школе');
  await edit.getByLabel('Причина изменения срока').fill('продлена по соглашению сторон');
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(curator.getByTestId('passport')).toContainText('Адаптация молодых педагогов в школе');
  await expect(curator.getByTestId('passport')).toContainText('Смешанная');
  await expect(curator.getByTestId('period-changes')).toContainText('01.10.2026 — 31.05.2027 → 01.10.2026 — 30.06.2027 — продлена по соглашению сторон');

  // A second programme, where the young teacher mentors a colleague in ICT.
  await curator.goto(`${base}/programmes`);
  await hydrated(curator);
  await curator.getByRole('button', { name: 'Новая программа' }).click();
  await curator.getByLabel('Название программы').fill('Цифровая школа');
  await curator.getByLabel('Форма').selectOption({ label: 'Учитель – учитель' });
  await curator.getByLabel('Реверсивное наставничество').check();
  await curator.getByLabel('Начало').fill('2026-11-01');
  await curator.getByLabel('Окончание').fill('2027-05-31');
  await curator.getByRole('button', { name: 'Создать программу' }).click();
  await expect(curator.getByRole('heading', { name: 'Цифровая школа' })).toBeVisible();

  await curator.goto(`${base}/participants`);
  await curator.getByRole('link', { name: 'Щукина Юлия Андреевна' }).click();
  await hydrated(curator);
  await expect(curator.getByTestId('participation')).toHaveCount(1);
  await curator.getByRole('button', { name: 'Добавить программу' }).click();
  await curator.getByLabel('Программа 2', { exact: true }).selectOption({ label: 'Цифровая школа' });
  await curator.getByLabel('Роль в программе 2', { exact: true }).selectOption({ label: 'Наставник' });
  await curator.getByRole('button', { name: 'Сохранить' }).click();
  // A mentor needs a time resource: told on the device, nothing sent.
  await expect(curator.getByText('Укажите, сколько наставляемых может взять наставник')).toBeVisible();
  await curator.getByLabel('Ресурс времени (сколько наставляемых)').fill('1');
  await curator.getByRole('button', { name: 'Сохранить' }).click();
  await expect(curator).toHaveURL(/\/participants$/);
  await curator.goto(`${base}/programmes`);
  await curator.getByRole('link', { name: 'Цифровая школа' }).click();
  await curator.getByRole('link', { name: 'Открыть доску' }).click();
  await hydrated(curator);
  await expect(curator.getByTestId('mentor').filter({ hasText: 'Щукина Юлия' })).toHaveCount(1);
  await expect(curator.getByTestId('mentee').filter({ hasText: 'Щукина Юлия' })).toHaveCount(0);

  // The regulation with its signed scan, in the school's register.
  await curator.getByRole('link', { name: 'Документы' }).click();
  await expect(curator).toHaveURL(/\/documents$/);
  await hydrated(curator);
  const form = curator.getByTestId('new-document');
  await form.getByLabel('Документ', { exact: true }).selectOption({ label: 'Положение о наставничестве' });
  await form.getByLabel('Номер', { exact: true }).fill('12-о');
  await form.getByLabel('Дата', { exact: true }).fill('2026-08-25');
  await form.getByLabel(/Скан с подписью/).setInputFiles(path.join(__dirname, 'fixtures', 'signed-regulation.pdf'));
  await form.getByRole('button', { name: 'Внести документ' }).click();
  const row = curator.getByTestId('document-row').filter({ hasText: 'Положение о наставничестве' });
  await expect(row).toContainText('12-о');
  await expect(row).toContainText('25.08.2026');
  // The order registered above is there too.
  await expect(curator.getByTestId('document-row').filter({ hasText: 'Приказ о закреплении наставнических пар' })).toContainText('112-о');
  const download = curator.waitForEvent('download');
  await row.getByRole('link', { name: 'signed-regulation.pdf' }).click();
  const scan = readFileSync((await (await download).path())!);
  expect(scan.subarray(0, 5).toString()).toBe('%PDF-');
});

test('on a tablet, «Подобрать пары» proposes only the new mentees with their gains, and «Принять все» says what it will change first', async ({ browser }) => {
  const curator = await device(browser);
  await curator.setViewportSize({ width: 820, height: 1180 });
  await signIn(curator, 'orlova');
  await expect(curator).toHaveURL(/\/participants$/);
  // Newcomers join the programme whose pair Громова – Щукина is already fixed in the order.
  await curator.goto(`${base}/import`);
  await hydrated(curator);
  await curator.getByLabel('Участники войдут в программу').selectOption({ label: 'Наставничество молодых педагогов' });
  await curator.locator('input[type="file"]').setInputFiles(path.join(__dirname, 'fixtures', 'more-people.csv'));
  await curator.getByRole('button', { name: 'Проверить файл' }).click();
  await expect(curator.getByTestId('import-summary')).toContainText('3 строки без ошибок');
  await curator.getByRole('button', { name: 'Импортировать' }).click();
  await expect(curator.getByTestId('import-done')).toBeVisible();

  await curator.goto(`${base}/programmes`);
  await curator.getByRole('link', { name: 'Наставничество молодых педагогов' }).click();
  await curator.getByRole('link', { name: 'Открыть доску' }).click();
  await hydrated(curator);
  await curator.getByRole('button', { name: 'Подобрать пары' }).click();
  const ghosts = curator.getByTestId('ghost');
  await expect(ghosts).toHaveCount(2);
  await expect(ghosts.filter({ hasText: 'Щукина' })).toHaveCount(0);
  for (const ghost of await ghosts.all()) {
    await expect(ghost.getByTestId('gain')).toHaveText(/^\+\d+$/);
  }
  // The physics newcomer goes to the physics teacher, the maths one to the maths teacher.
  await expect(curator.getByTestId('mentor').filter({ hasText: 'Лаптева Зоя' }).getByTestId('ghost')).toContainText('Носова Ева');
  await expect(curator.getByTestId('mentor').filter({ hasText: 'Громова Вера' }).getByTestId('ghost')).toContainText('Ромина Дарья');

  await curator.getByRole('button', { name: 'Принять все' }).click();
  const confirm = curator.getByTestId('accept-all-confirm');
  await expect(confirm).toContainText('Будет внесено 2 изменения; пары, уже стоящие на доске, не меняются.');
  await expect(curator.getByTestId('mentor').filter({ hasText: 'Лаптева Зоя' }).getByTestId('mentee')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Да, изменить' }).click();
  await expect(curator.getByTestId('mentor').filter({ hasText: 'Лаптева Зоя' }).getByTestId('mentee')).toContainText('Носова Ева');
  await expect(curator.getByTestId('mentor').filter({ hasText: 'Громова Вера' }).getByTestId('mentee')).toHaveCount(2);
  // Asked again, it proposes nothing: the board is already the best it can be.
  await curator.getByRole('button', { name: 'Подобрать пары' }).click();
  await expect(curator.getByTestId('suggestions')).toContainText('Лучше текущего распределения подобрать нельзя');
});
