// Board speed in a real browser: prints figures, asserts nothing.
//
//   node end2end/bench/board-speed.mjs [release|debug]
//
// Builds nothing: uses target/<profile>/nastavnik and the site cargo-leptos built (run
// `cargo leptos build --release` first for release figures). Starts the server on a fresh
// SQLite database with the demo, imports 100 mentors and 300 mentees into one programme
// through `nastavnik import --programme`, then in headless Chromium: opens the board,
// times «Подобрать пары» (the matcher in WASM, as the page reports it) and the frame
// intervals while a card is dragged across the board.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const profile = process.argv[2] ?? 'release';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const bin = path.join(root, 'target', profile, 'nastavnik');
const dir = mkdtempSync(path.join(tmpdir(), 'nastavnik-bench-'));
const db = `sqlite://${dir}/bench.db?mode=rwc`;
const port = 3390;
const env = { ...process.env, DATABASE_URL: db, RUST_LOG: 'warn', NASTAVNIK_ADDR: `127.0.0.1:${port}`, LEPTOS_SITE_ROOT: 'target/site', LEPTOS_OUTPUT_NAME: 'nastavnik' };

// 100 mentors (capacity 3) and 300 mentees, varied subjects, experience and needs.
const subjects = ['математика', 'физика', 'русский язык', 'история', 'биология', 'химия', 'информатика', 'английский язык'];
const needs = ['работа с документацией', 'подбор заданий разного уровня сложности', 'дисциплина на уроке', 'проектная деятельность'];
const letters = 'абвгдежзиклмнопрстуфхцчшэюя';
const word = (n) => { let s = ''; do { s += letters[n % letters.length]; n = Math.floor(n / letters.length); } while (n > 0); return s; };
const rows = ['Фамилия;Имя;Роль;Категория;Предметы;Стаж;Компетенции;Запросы;Дефициты;Ресурс времени'];
for (let i = 0; i < 100; i++) {
  rows.push(`Наставникова-${word(i)};Анна;Наставник;Педагог;${subjects[i % 8]};${10 + (i % 25)};${needs[i % 4]};;;3`);
}
for (let i = 0; i < 300; i++) {
  rows.push(`Молодова-${word(i)};Ольга;Наставляемый;Педагог;${subjects[(i * 3) % 8]};${i % 4};;${needs[i % 4]};${needs[(i + 1) % 4]};`);
}
const csv = path.join(dir, 'big.csv');
writeFileSync(csv, rows.join('\n'));

const run = (...args) => execFileSync(bin, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
run('demo');
console.log(run('import', csv, '--organisation', '3', '--programme', '4').trim());

const server = spawn(bin, ['serve'], { cwd: root, env, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(`${base}/health`)).ok) break; } catch { /* starting */ }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/login`);
  await page.waitForSelector('body[data-hydrated]');
  await page.getByLabel('Логин').fill('kurator12');
  await page.getByLabel('Пароль').fill('demo2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL('**/participants');
  const t0 = Date.now();
  await page.goto(`${base}/programmes/4/board`);
  await page.waitForSelector('body[data-hydrated]');
  const loaded = Date.now() - t0;
  const mentees = await page.getByTestId('mentee').count();
  const mentors = await page.getByTestId('mentor').count();

  const times = [];
  for (let i = 0; i < 10; i++) {
    await page.getByRole('button', { name: 'Подобрать пары' }).click();
    const text = await page.getByTestId('suggestions').textContent();
    times.push(Number(/([\d.]+) мс/.exec(text ?? '')?.[1]));
    await page.getByTestId('suggestions').getByRole('button', { name: 'Отклонить' }).click();
  }
  times.sort((a, b) => a - b);
  const suggested = await (async () => {
    await page.getByRole('button', { name: 'Подобрать пары' }).click();
    return (await page.getByTestId('suggestions').textContent())?.replace(/\s+/g, ' ').trim();
  })();
  await page.getByTestId('suggestions').getByRole('button', { name: 'Отклонить' }).click();

  // Frame intervals during a drag across the board.
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => { window.__frames.push(t); if (window.__frames.length < 100000) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const card = await page.locator('.pool [data-testid=mentee]').first().boundingBox();
  const target = await page.getByTestId('mentor').nth(5).boundingBox();
  await page.mouse.move(card.x + 40, card.y + 20);
  await page.mouse.down();
  const steps = 90;
  const start = await page.evaluate(() => window.__frames.length);
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(card.x + 40 + ((target.x + 80 - card.x - 40) * i) / steps, card.y + 20 + ((target.y + 30 - card.y - 20) * i) / steps);
  }
  const frames = await page.evaluate((from) => window.__frames.slice(from), start);
  await page.mouse.up();
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const pct = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];

  console.log(`board (${profile} build): ${mentees} mentee cards, ${mentors} mentors; page to interactive ${loaded} ms`);
  console.log(`«Подобрать пары» in the browser (WASM), 10 runs: median ${times[5].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[9].toFixed(1)} ms`);
  console.log(`  last proposal: ${suggested}`);
  console.log(`drag across the board: ${gaps.length} frames, frame interval median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, max ${gaps[gaps.length - 1].toFixed(1)} ms`);
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
