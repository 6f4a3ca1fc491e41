import { expect, login, test } from './helpers';

test('a mentee lands on their own page and cannot open the curator pages', async ({ page }) => {
  await login(page, 'molodoy1');
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('heading', { name: 'Мой профиль' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'База участников' })).toHaveCount(0);

  for (const path of ['/participants', '/import', '/participants/1', '/district']) {
    await page.goto(path);
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await expect(page.getByTestId('participant-row')).toHaveCount(0);
  }
  // The server refuses the data itself, whatever the page shows.
  const reply = await page.request.post('/api/participants/list', {
    data: { organisation_id: null, filter: { search: '', role: null, kind: null, subject: '' } },
  });
  expect(reply.ok()).toBeFalsy();
  expect(await reply.text()).toContain('Forbidden');
});

test('a wrong password is refused with a message in Russian', async ({ page }) => {
  await login(page, 'kurator1', 'не-тот-пароль');
  await expect(page.getByRole('alert')).toHaveText('Неверный логин или пароль');
  await expect(page).toHaveURL(/\/login/);
});
