// Weight and time to interactive of every page, measured in headless Chromium against a running
// server (`.ci/bench-weight` builds the release and starts one on a fresh demo database).
//
// For each page, as the role that uses it sees it: the bytes that came over the wire
// (compressed, as sent) on a first visit with an empty cache and no service worker, of which
// WASM and JS; the time until it is interactive (the body marked hydrated, lazily loaded page
// code included) with the CPU slowed 4× (median of RUNS); and on a repeat visit, the bundle
// bytes that came over the network again. Budgets (issue 15): the questionnaire and the kiosk
// ≤ 150 KB in all and interactive in ≤ 1.5 s; every other page ≤ 300 KB of WASM and JS and
// interactive in ≤ 2.5 s; a repeat visit loads no bundle.
//
//   BASE=http://127.0.0.1:3300 node end2end/bench/weight.mjs
import { chromium } from 'playwright';

const BASE = process.env.BASE ?? 'http://127.0.0.1:3300';
const RUNS = Number(process.env.RUNS ?? 3);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

// No service worker: it would answer from what it kept (its effect is the repeat visit's).
async function session(login) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  if (!login) return context;
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.waitForSelector('body[data-hydrated="true"]');
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('demo2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForSelector('[data-testid="who"]');
  await page.close();
  return context;
}

/** Loads `path` in a fresh tab; with `cold`, the cache is off. Bytes per file, and when the
 * page was interactive. */
async function load(context, path, ready, { cpu = 1, cold = true } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: cold });
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const responses = new Map();
  const sizes = new Map();
  cdp.on('Network.responseReceived', (e) => responses.set(e.requestId, e.response));
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(`${BASE}${path}`);
  await page.waitForSelector(ready, { state: 'attached', timeout: 120_000 });
  // Milliseconds since the navigation started, read as soon as the page says it is interactive.
  const interactive = Math.round(await page.evaluate(() => performance.now()));
  await page.waitForLoadState('networkidle');
  const files = [...sizes].map(([id, bytes]) => {
    const response = responses.get(id);
    const cached = response?.fromDiskCache || response?.fromMemoryCache || response?.fromServiceWorker;
    return { url: response?.url ?? id, bytes: cached ? 0 : bytes };
  });
  await page.close();
  const code = files.filter((f) => /\.(wasm|js)(\?|$)/.test(f.url));
  return { files, total: sum(files), code: sum(code), codeFiles: code.length, interactive };
}

const sum = (files) => files.reduce((total, f) => total + f.bytes, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const HYDRATED = 'body[data-hydrated="true"]';
const rows = [];

async function measure(name, context, path, { ready = HYDRATED, respondent = false } = {}) {
  const first = await load(context, path, ready);
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push((await load(context, path, ready, { cpu: 4 })).interactive);
  await load(context, path, ready, { cold: false }); // fills the HTTP cache
  const repeat = await load(context, path, ready, { cold: false });
  const weight = respondent ? first.total : first.code;
  const budget = respondent ? 150 : 300;
  const timeBudget = respondent ? 1500 : 2500;
  rows.push({
    name, path, total: first.total, code: first.code, files: first.codeFiles, tti: median(times), repeat: repeat.code,
    verdict: `${weight <= budget * 1024 ? 'ok' : 'OVER'} ${respondent ? 'all' : 'code'} ≤ ${budget} KB; ${median(times) <= timeBudget ? 'ok' : 'SLOW'} ≤ ${timeBudget / 1000} s`,
    biggest: first.files.sort((a, b) => b.bytes - a.bytes).slice(0, 3),
  });
}

const anonymous = await session(null);
await measure('Вход', anonymous, '/login');

const teacher = await session('molodoy1');
const probe = await teacher.newPage();
await probe.goto(`${BASE}/surveys`);
const questionnaire = await probe.getByRole('link', { name: 'Заполнить' }).first().getAttribute('href');
await probe.close();
await measure('Анкета (планшет)', teacher, questionnaire, { respondent: true });
await measure('Мои анкеты', teacher, '/surveys');
await measure('Главная наставляемого', teacher, '/me');

const curator = await session('kurator1');
await measure('Киоск', curator, '/kiosk', { respondent: true });
await measure('Участники', curator, '/participants');
await measure('Программы', curator, '/programmes');
await measure('Программа', curator, '/programmes/1');
await measure('Доска пар', curator, '/programmes/1/board');
await measure('Приказ', curator, '/programmes/1/order');
await measure('Работа пар', curator, '/programmes/1/pairs');
await measure('Итоговый отчёт', curator, '/programmes/1/final');
await measure('Анкеты программы', curator, '/programmes/1/surveys');
await measure('Конструктор анкет', curator, '/questionnaires');
await measure('До и после', curator, '/reports/before-after');
await measure('SWOT', curator, '/programmes/1/swot');
await measure('Банк практик', curator, '/practices');

const methodologist = await session('metodist');
await measure('Район', methodologist, '/district');
await measure('Презентации', methodologist, '/decks');
await measure('Редактор презентации', methodologist, '/decks/1');
await measure('Показ презентации', methodologist, '/decks/1/present', { ready: 'body[data-ready="1"]' });

await browser.close();

console.log(`\nFirst visit (empty cache, no service worker), CPU 4× slower for the time; repeat visit with the HTTP cache.\n`);
console.log(`${'page'.padEnd(24)} ${'path'.padEnd(22)} ${'all'.padStart(9)} ${'WASM+JS'.padStart(9)} ${'files'.padStart(5)} ${'TTI 4×'.padStart(8)} ${'repeat'.padStart(8)}  verdict`);
for (const r of rows) {
  console.log(`${r.name.padEnd(24)} ${r.path.slice(0, 22).padEnd(22)} ${kb(r.total).padStart(9)} ${kb(r.code).padStart(9)} ${String(r.files).padStart(5)} ${`${r.tti} ms`.padStart(8)} ${kb(r.repeat).padStart(8)}  ${r.verdict}`);
}
console.log('\nLargest files per page:');
for (const r of rows) {
  console.log(`  ${r.name}: ${r.biggest.map((f) => `${f.url.replace(BASE, '').replace(/\/pkg\/[0-9a-f]{16}\//, '/pkg/…/')} ${kb(f.bytes)}`).join(', ')}`);
}
