// Weight and time to interactive, measured in headless Chromium against a running server
// (`.ci/bench-weight` builds the release and starts one). For each page: the bytes that came
// over the wire (compressed, as sent) on a first visit with an empty cache, and for the
// questionnaire also the time until it is interactive (hydrated) with the CPU slowed 4×.
//
//   BASE=http://127.0.0.1:3300 node end2end/bench/weight.mjs
import { chromium } from 'playwright';

const BASE = process.env.BASE ?? 'http://127.0.0.1:3300';
const RUNS = Number(process.env.RUNS ?? 5);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

// An empty cache is measured: no service worker (it would answer from what it kept).
async function loggedIn(login) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.waitForSelector('body[data-hydrated="true"]');
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill('demo2026');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForSelector('[data-testid="who"]');
  return { context, page };
}

/** Loads `path` in a fresh tab with the cache off; returns bytes per kind and the load's requests. */
async function weigh(context, path, ready, cpu = 1) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const urls = new Map();
  const sizes = new Map();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(`${BASE}${path}`);
  await page.waitForSelector(ready, { state: 'attached', timeout: 120_000 });
  const interactive = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  const files = [...sizes].map(([id, bytes]) => ({ url: urls.get(id) ?? id, bytes }));
  await page.close();
  return { files, total: files.reduce((sum, f) => sum + f.bytes, 0), interactive };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function report(name, result, target) {
  const verdict = target ? (result.total <= target * 1024 ? `under ${target} KB` : `OVER ${target} KB`) : '';
  console.log(`\n${name}: ${kb(result.total)} transferred ${verdict}`);
  for (const f of result.files.sort((a, b) => b.bytes - a.bytes)) {
    console.log(`  ${kb(f.bytes).padStart(10)}  ${f.url.replace(BASE, '')}`);
  }
}

// The questionnaire a young teacher opens on a tablet.
const teacher = await loggedIn('molodoy1');
await teacher.page.goto(`${BASE}/surveys`);
const href = await teacher.page.getByRole('link', { name: 'Заполнить' }).first().getAttribute('href');
const questionnaire = await weigh(teacher.context, href, 'body[data-hydrated="true"]');
report(`Questionnaire page (${href})`, questionnaire, 300);
const tti = [];
for (let i = 0; i < RUNS; i++) tti.push((await weigh(teacher.context, href, 'body[data-hydrated="true"]', 4)).interactive);
console.log(`  time to interactive, CPU 4× slower: median ${median(tti).toFixed(0)} ms (runs: ${tti.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`  ECharts requested: ${questionnaire.files.some((f) => /echarts/.test(f.url)) ? 'yes' : 'no'}`);

// The pair-formation board a curator works on.
const curator = await loggedIn('kurator1');
report('Board (/programmes/1/board)', await weigh(curator.context, '/programmes/1/board', 'body[data-hydrated="true"]'));

// The district deck as presented.
const methodologist = await loggedIn('metodist');
report('Deck (/decks/1/present)', await weigh(methodologist.context, '/decks/1/present', 'body[data-ready="1"]'), 700);

await browser.close();
