import type { ReportSections, Table } from './sections';

/** Free text in a Markdown table cell: nothing in it can become markup, a link or a new cell. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\r\n\t]+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Enough to stop emphasis, code, links and cells; "(" or "#" mean nothing mid-line once "[" is escaped.
      .replace(/([\\`*_[\]|~])/g, '\\$1')
  );
}

/** A name as a code span; a span cannot hold a pipe in a table, nor a backtick of its own length. */
function codeSpan(text: string): string {
  const clean = text.replace(/[\r\n\t]+/g, ' ');
  if (!clean) return '';
  const fence = clean.includes('`') ? '`` ' : '`';
  return fence + clean.replace(/\|/g, '\\|') + (fence == '`' ? '`' : ' ``');
}

function markdownTable({ columns, code, rows }: Table): string {
  if (!rows.length) return '_None found._\n';
  const line = (cells: string[]) => '| ' + cells.join(' | ') + ' |';
  return (
    [
      line(columns.map(escapeMarkdown)),
      line(columns.map(() => '---')),
      ...rows.map((row) => line(row.map((cell, index) => (code.includes(index) ? codeSpan(cell) : escapeMarkdown(cell))))),
    ].join('\n') + '\n'
  );
}

export function renderMarkdown(sections: ReportSections): string {
  const out: string[] = [`# ${escapeMarkdown(sections.title)}`, '', ...sections.facts.map((fact) => '- ' + escapeMarkdown(fact)), ''];
  out.push('## Summary', '', markdownTable(sections.summary));
  if (sections.beforeConsent.rows.length)
    out.push(
      '## Seen before any choice',
      '',
      'These were there before the visitor chose anything. Unless they are essential, they must wait for consent.',
      '',
      markdownTable(sections.beforeConsent),
    );
  for (const category of sections.categories) {
    out.push(`## ${escapeMarkdown(category.title)}`, '');
    if (category.description) out.push(escapeMarkdown(category.description), '');
    out.push('### Cookies', '', markdownTable(category.cookies));
    out.push('### Local storage, session storage and IndexedDB', '', markdownTable(category.storage));
    out.push('### Third-party requests', '', markdownTable(category.requests));
  }
  out.push('## Pages scanned', '', markdownTable(sections.pages));
  return out.join('\n');
}
