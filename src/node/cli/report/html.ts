import type { ReportSections, Table } from './sections';

/** Everything on the page is text: names and purposes come from the scanned site and are not trusted. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

function htmlTable({ columns, code, rows }: Table): string {
  if (!rows.length) return '<p class="none">None found.</p>';
  const head = '<tr>' + columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('') + '</tr>';
  const body = rows
    .map(
      (row) =>
        '<tr>' +
        row.map((cell, index) => `<td>${code.includes(index) ? `<code>${escapeHtml(cell)}</code>` : escapeHtml(cell)}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  return `<div class="scroll"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:.2em 0 .6em}h2{margin-top:2em;padding-top:.4em;border-top:1px solid #d9dde4}h3{font-size:1rem;margin:1.2em 0 .4em}
ul.facts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px 20px;color:#4a5263}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}
th,td{border:1px solid #d9dde4;padding:6px 8px;text-align:left;vertical-align:top}th{background:#eef0f4}
code{font:.85rem ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}td:first-child{min-width:8em}
.none{color:#6b7280;font-style:italic}.warn{background:#fff4e5;border:1px solid #f0b36b;padding:12px 16px;border-radius:6px}
section.unclassified h2{color:#9a3412}
`;

export function renderHtml(sections: ReportSections): string {
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(sections.title)}</h1>`);
  parts.push('<ul class="facts">' + sections.facts.map((fact) => `<li>${escapeHtml(fact)}</li>`).join('') + '</ul>');
  parts.push('<h2>Summary</h2>', htmlTable(sections.summary));
  if (sections.beforeConsent.rows.length)
    parts.push(
      '<section class="warn"><h2>Seen before any choice</h2><p>These were there before the visitor chose anything. Unless they are essential, they must wait for consent.</p>',
      htmlTable(sections.beforeConsent),
      '</section>',
    );
  for (const category of sections.categories) {
    parts.push(`<section class="${escapeHtml(category.id)}"><h2>${escapeHtml(category.title)}</h2>`);
    if (category.description) parts.push(`<p>${escapeHtml(category.description)}</p>`);
    parts.push('<h3>Cookies</h3>', htmlTable(category.cookies));
    parts.push('<h3>Local storage, session storage and IndexedDB</h3>', htmlTable(category.storage));
    parts.push('<h3>Third-party requests</h3>', htmlTable(category.requests), '</section>');
  }
  parts.push('<h2>Pages scanned</h2>', htmlTable(sections.pages));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(sections.title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
${parts.join('\n')}
</main></body>
</html>
`;
}
