import { escapeHtml, scriptJson } from './escape-html.mjs';

/** Dynamic bits of pages, rendered from server state. Every value is escaped. */

export const PLANS = /** @type {const} */ (['starter', 'pro', 'business']);

/**
 * @param {Record<string, any>} texts the language's chrome texts
 * @param {string[]} cart
 * @param {string} csrf
 * @param {boolean} justAdded
 */
export function cartView(texts, cart, csrf, justAdded) {
  const added = justAdded ? `<p class="notice notice-success" role="status">${escapeHtml(texts.cartAdded)}</p>` : '';
  if (!cart.length) return `${added}<p class="cart-empty">${escapeHtml(texts.cartEmpty)}</p>`;
  const counts = new Map();
  for (const plan of cart) counts.set(plan, (counts.get(plan) || 0) + 1);
  const rows = [...counts]
    .map(
      ([plan, count]) =>
        `<li><span>${escapeHtml(texts.plans[plan] || plan)} × ${count}</span><span>${escapeHtml(texts.prices[plan] || '')}</span></li>`,
    )
    .join('');
  return `${added}<ul class="cart-lines" data-cart-lines>${rows}</ul>
<div class="cart-actions">
  <button class="button" type="button" disabled>${escapeHtml(texts.cartCheckout)}</button>
  <form method="post" action="/cart"><input type="hidden" name="_csrf" value="${escapeHtml(csrf)}"><input type="hidden" name="action" value="clear"><button class="button button-ghost" type="submit">${escapeHtml(texts.cartClear)}</button></form>
</div>`;
}

/**
 * After a successful message: a thank-you note, and the ad network's conversion tag, held like any
 * other until advertising is granted.
 * @param {Record<string, any>} texts
 * @param {{ sent: boolean, invalid: boolean, lastMessage: { name: string, topic: string } | null }} state
 */
export function contactStatusView(texts, { sent, invalid, lastMessage }) {
  if (invalid) return `<p class="notice notice-error" role="alert">${escapeHtml(texts.contactInvalid)}</p>`;
  if (!sent || !lastMessage) return '';
  const thanks = escapeHtml(texts.contactThanks.replace('{name}', lastMessage.name));
  return `<p class="notice notice-success" role="status" data-contact-sent>${thanks}</p>
<script type="text/plain" data-consent="advertising" data-service="adpulse">
  window.adq = window.adq || [];
  window.adq.push(['track', 'Lead', { topic: ${scriptJson(lastMessage.topic)} }]);
</script>`;
}

/**
 * A stored value as text: receipts are checked on the way in (receipt-shape.mjs), but the page still
 * shows only strings and numbers, so no stored value can make it throw (an object's `toString` can).
 * @param {unknown} value
 */
function shown(value) {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * @param {Record<string, any>} texts
 * @param {Array<{ receivedAt: string, receipt: Record<string, any> }>} receipts newest last
 */
export function receiptRowsView(texts, receipts) {
  if (!receipts.length) return `<tr><td colspan="6" class="table-empty">${escapeHtml(texts.receiptsEmpty)}</td></tr>`;
  return receipts
    .slice()
    .reverse()
    .map(({ receivedAt, receipt }) => {
      const grants = (/** @type {unknown} */ value) => (value && typeof value === 'object' ? value : {});
      // Separate consents (the cross-border transfer) beside the categories: the receipt says which were granted.
      const categories = [...Object.entries(grants(receipt.categories)), ...Object.entries(grants(receipt.consents))]
        .map(
          ([id, granted]) =>
            `<span class="chip ${granted === true ? 'chip-on' : 'chip-off'}">${escapeHtml(id)} ${granted === true ? '✓' : '✗'}</span>`,
        )
        .join(' ');
      let page = shown(receipt.url);
      try {
        page = new URL(page).pathname;
      } catch {
        /* keep as sent */
      }
      const time = shown(receivedAt);
      return `<tr>
  <td><time datetime="${escapeHtml(time)}">${escapeHtml(time.replace('T', ' ').slice(0, 19))}</time></td>
  <td><code>${escapeHtml(shown(receipt.consentId))}</code></td>
  <td>${escapeHtml(shown(receipt.method))}</td>
  <td>${categories}</td>
  <td>${escapeHtml(shown(receipt.region) || '—')}</td>
  <td>${escapeHtml(page)}</td>
</tr>`;
    })
    .join('\n');
}

/**
 * The playground's simulation form, showing what is in effect.
 * @param {Record<string, any>} texts
 * @param {{ region: string, gpc: boolean, language: 'en' | 'zh' }} current
 */
export function simulationOptionsView(texts, { region, gpc, language }) {
  const option = (value, label, selected) =>
    `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const regions = [
    ['', texts.regionNone],
    ['DE', texts.regionEU],
    ['US-CA', texts.regionCA],
    ['CN', texts.regionCN],
  ];
  if (region && !regions.some(([value]) => value === region)) regions.push([region, region]);
  return {
    REGION_OPTIONS: regions.map(([value, label]) => option(value, label, value === region)).join(''),
    GPC_CHECKED: gpc ? ' checked' : '',
    LANGUAGE_OPTIONS: [option('en', texts.langEn, language === 'en'), option('zh', texts.langZh, language === 'zh')].join(''),
  };
}
