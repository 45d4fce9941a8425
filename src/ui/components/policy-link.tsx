/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { Fragment, h } from 'preact';
import type { UiTexts } from '../../core/texts/page-texts';
import { isSafeUrl } from '../safe-url';

/** " Privacy policy" after a sentence, when the URL is one we may link to. */
export function PolicyLink({ url, texts }: { url: string; texts: UiTexts }) {
  return isSafeUrl(url) ? (
    <>
      {' '}
      <a href={url} target="_blank" rel="noopener noreferrer">
        {texts.privacyPolicy}
      </a>
    </>
  ) : null;
}
