/*
 * The config playground (demo tool). The editor is checked on every change by the SDK's own
 * validator, `validateConfig` from the npm build ('consentry', mapped by the page's import map), so
 * the errors shown are exactly the ones a site owner gets. "Apply" keeps the config in this tab's
 * sessionStorage; playground-config.js puts it in the page before consentry reads it.
 */
const STORAGE_KEY = 'demo-config';
const CHECK_DELAY_MS = 200;

const editor = /** @type {HTMLTextAreaElement} */ (document.getElementById('config-editor'));
const status = document.getElementById('config-status');
const problemList = document.getElementById('config-problems');
const applyButton = /** @type {HTMLButtonElement} */ (document.getElementById('config-apply'));
const formatButton = document.getElementById('config-format');
const revertButton = document.getElementById('config-revert');
const source = document.getElementById('config-source');
const summary = document.getElementById('consent-summary');
const resetButton = document.getElementById('reset-consent');
const inlineConfig = document.getElementById('consentry-config');

const zh = document.documentElement.lang.startsWith('zh');
const T = zh
  ? {
      applied: '已应用的配置（sessionStorage 中的 demo-config）',
      checking: '正在检查…',
      valid: (c, s) => `✓ 配置有效：${c} 个类别，${s} 个服务`,
      notJson: '✗ 不是合法的 JSON：',
      problems: (n) => `✗ SDK 发现 ${n} 个问题：`,
      failed: '✗ 校验失败：',
      noValidator: '⚠ 无法加载 SDK 校验器（/bundles/consentry.mjs）。请先运行 npm run build。',
      pending: '尚未作出选择',
      decided: '已选择',
      notLoaded: 'consentry 尚未加载（请运行 npm run build）。',
    }
  : {
      applied: 'Your applied config (sessionStorage demo-config)',
      checking: 'Checking…',
      valid: (c, s) => `✓ Valid config: ${c} categories, ${s} services`,
      notJson: '✗ Not valid JSON: ',
      problems: (n) => `✗ The SDK found ${n} problem${n === 1 ? '' : 's'}:`,
      failed: '✗ Validation failed: ',
      noValidator: '⚠ The SDK validator (/bundles/consentry.mjs) could not be loaded. Run npm run build first.',
      pending: 'No choice yet',
      decided: 'Decided',
      notLoaded: 'consentry is not loaded (run npm run build).',
    };

function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function setStatus(kind, text) {
  status.className = 'config-status is-' + kind;
  status.textContent = text;
}

function showProblems(problems) {
  problemList.textContent = '';
  for (const problem of problems) {
    const item = document.createElement('li');
    const where = document.createElement('code');
    where.textContent = problem.path || 'config';
    item.append(where, ': ' + problem.message);
    problemList.append(item);
  }
}

/** @type {Promise<((config: unknown) => unknown) | null>} */
const validatorReady = import('consentry').then(
  (sdk) => (typeof sdk.validateConfig === 'function' ? sdk.validateConfig : null),
  (error) => {
    console.warn('playground: could not load the npm build', error);
    return null;
  },
);

let lastValid = null;

async function check() {
  const text = editor.value;
  lastValid = null;
  applyButton.disabled = true;
  let config;
  try {
    config = JSON.parse(text);
  } catch (error) {
    setStatus('invalid', T.notJson + (error instanceof Error ? error.message : String(error)));
    showProblems([]);
    return;
  }
  const validate = await validatorReady;
  if (text !== editor.value) return; // a newer check is on its way
  if (!validate) {
    setStatus('unavailable', T.noValidator);
    showProblems([]);
    return;
  }
  try {
    const settings = /** @type {{ categories: unknown[], services: unknown[] }} */ (validate(config));
    setStatus('valid', T.valid(settings.categories.length, settings.services.length));
    showProblems([]);
    lastValid = config;
    applyButton.disabled = false;
  } catch (error) {
    const problems = error && Array.isArray(error.problems) ? error.problems : null;
    if (problems) {
      setStatus('invalid', T.problems(problems.length));
      showProblems(problems);
    } else {
      setStatus('invalid', T.failed + (error instanceof Error ? error.message : String(error)));
      showProblems([]);
    }
  }
}

let timer = 0;
editor.addEventListener('input', () => {
  // Until the new text is checked, "Apply" must not apply the previous one.
  lastValid = null;
  applyButton.disabled = true;
  setStatus('checking', T.checking);
  clearTimeout(timer);
  timer = setTimeout(check, CHECK_DELAY_MS);
});

applyButton.addEventListener('click', () => {
  if (!lastValid) return;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(lastValid));
  location.reload();
});

formatButton.addEventListener('click', () => {
  editor.value = pretty(editor.value);
  check();
});

revertButton.addEventListener('click', () => {
  sessionStorage.removeItem(STORAGE_KEY);
  location.reload();
});

resetButton.addEventListener('click', () => {
  window.Consentry?.reset();
  renderSummary();
});

function renderSummary() {
  const api = window.Consentry;
  if (!api || typeof api.get !== 'function') {
    summary.textContent = T.notLoaded;
    return;
  }
  const state = api.get();
  const grants = Object.entries(state.categories)
    .map(([id, granted]) => `${id} ${granted ? '✓' : '✗'}`)
    .join(' · ');
  const how = state.record ? `${T.decided} (${state.record.method}, ${new Date(state.record.time).toLocaleTimeString()})` : T.pending;
  summary.textContent = `${how}. ${grants}. regime: ${state.regime}${state.region ? ` (${state.region})` : ''}${state.gpc ? ', GPC' : ''}`;
}

editor.value = pretty(inlineConfig ? inlineConfig.textContent || '' : '');
if (inlineConfig?.hasAttribute('data-demo-applied')) {
  source.textContent = T.applied;
  source.classList.add('is-applied');
}
check();

renderSummary();
const api = window.Consentry;
if (api && typeof api.on === 'function') {
  for (const name of ['ready', 'consent', 'change']) api.on(name, renderSummary);
}
