/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
import type { UiTexts } from '../../core/texts/page-texts';
import type { ConsentRecord } from '../../core/policy/types';

function formatDate(time: number, lang: string): string {
  try {
    return new Date(time).toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' });
  } catch {
    return new Date(time).toISOString();
  }
}

/** The id the visitor can quote to the site owner, and when they chose. */
export function ConsentReceipt({ record, texts, lang }: { record: ConsentRecord; texts: UiTexts; lang: string }) {
  return (
    <dl class="meta">
      <dt>{texts.consentId}</dt>
      <dd>
        <code>{record.id}</code>
      </dd>
      <dt>{texts.consentDate}</dt>
      <dd>{formatDate(record.time, lang)}</dd>
    </dl>
  );
}
