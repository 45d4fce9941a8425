import type { UiTexts } from '../i18n/page-texts';
import { isSafeUrl } from '../safe-url';

export function PolicyLink({ url, texts }: { url: string; texts: UiTexts }) {
  return url && isSafeUrl(url) ? (
    <>
      {' '}
      <a href={url} target="_blank" rel="noopener noreferrer">
        {texts.privacyPolicy}
      </a>
    </>
  ) : null;
}
