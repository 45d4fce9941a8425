import type { ReceiptQuery, StoredReceipt } from './types';

/** Every value shown comes from visitors (ids, URLs): escaped for text and attribute positions alike. */
export const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}main{padding:1rem 1.5rem;max-width:90rem}
form.search{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:end;margin:1rem 0}label{display:flex;flex-direction:column;font-weight:600;font-size:.9rem}
input{font:inherit;padding:.35rem .5rem;border:1px solid #555;border-radius:4px}button,.button{font:inherit;padding:.4rem .9rem;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;border-radius:4px;text-decoration:none;display:inline-block}
.button.secondary{background:#fff;color:#1d4ed8}:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f3f4f6}code{font-size:.85rem;word-break:break-all}
.error{color:#b91c1c;font-weight:600}.exports{display:flex;gap:.75rem;margin:.5rem 0 1rem}.refused{color:#4b5563;text-decoration:line-through}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function loginPage(action: string, failed: boolean): string {
  return layout(
    'Consent receipts: sign in',
    `<h1>Consent receipts</h1>
${failed ? '<p class="error" role="alert">That token is not valid.</p>' : ''}
<form method="post" action="${escapeHtml(action)}"><label>Admin token <input name="token" type="password" autocomplete="current-password" required></label> <button type="submit">Sign in</button></form>`,
  );
}

const grants = (choices: { [id: string]: boolean } | null) =>
  choices
    ? Object.keys(choices)
        .sort()
        .map((id) =>
          choices[id] ? escapeHtml(id) : `<span class="refused"><span class="visually-hidden">refused: </span>${escapeHtml(id)}</span>`,
        )
        .join(', ')
    : '';

function row(receipt: StoredReceipt): string {
  const consents = receipt.consents
    ? grants(receipt.consents)
    : receipt.crossBorder == null
      ? ''
      : `cross-border: ${receipt.crossBorder ? 'yes' : 'no'}`;
  return `<tr><td>${receipt.seq}</td><td><time datetime="${escapeHtml(receipt.receivedAt)}">${escapeHtml(receipt.receivedAt.replace('T', ' ').slice(0, 19))}</time></td><td><code>${escapeHtml(receipt.consentId)}</code></td><td>${receipt.revision}</td><td>${escapeHtml(receipt.method)}</td><td>${escapeHtml([receipt.regime, receipt.region, receipt.language].filter(Boolean).join(' · '))}</td><td>${grants(receipt.categories)}</td><td>${grants(receipt.services)}</td><td>${consents}</td><td>${escapeHtml(receipt.page ?? '')}</td></tr>`;
}

/** Search form, result table (newest first) and export links carrying the same filters. */
export function searchPage(options: {
  adminPath: string;
  query: ReceiptQuery;
  filters: URLSearchParams;
  receipts: StoredReceipt[];
  total: number;
  error?: string;
}): string {
  const { adminPath, filters, receipts, total, error } = options;
  const value = (name: string) => escapeHtml(filters.get(name) ?? '');
  const exportHref = (format: string) => {
    const params = new URLSearchParams(filters);
    params.set('format', format);
    return escapeHtml(`${adminPath}/export?${params}`);
  };
  const shown = receipts.length < total ? `newest ${receipts.length} of ${total}` : `${total}`;
  return layout(
    'Consent receipts',
    `<h1>Consent receipts</h1>
<form class="search" method="get" action="${escapeHtml(adminPath)}" role="search" aria-label="Find receipts">
<label>Consent id <input name="consentId" value="${value('consentId')}" autocomplete="off" spellcheck="false"></label>
<label>Received from <input name="from" type="date" value="${value('from')}"></label>
<label>Received before <input name="to" type="date" value="${value('to')}"></label>
<label>Revision <input name="revision" inputmode="numeric" pattern="[0-9]*" value="${value('revision')}" size="6"></label>
<button type="submit">Search</button></form>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<p class="exports">Export these receipts: <a class="button secondary" href="${exportHref('jsonl')}" download>JSON Lines</a> <a class="button secondary" href="${exportHref('csv')}" download>CSV</a></p>
<table><caption>Receipts found: ${escapeHtml(shown)}</caption>
<thead><tr><th scope="col">#</th><th scope="col">Received (UTC)</th><th scope="col">Consent id</th><th scope="col">Revision</th><th scope="col">Method</th><th scope="col">Regime · region · language</th><th scope="col">Categories</th><th scope="col">Services</th><th scope="col">Separate consents</th><th scope="col">Page</th></tr></thead>
<tbody>${receipts.length ? receipts.map(row).join('') : '<tr><td colspan="10">No receipts match.</td></tr>'}</tbody></table>`,
  );
}
