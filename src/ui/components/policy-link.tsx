import type { Texts } from '../../config/types';
import { isSafeUrl } from '../safe-url';

export function PolicyLink({ url, texts }: { url: string; texts: Texts }) {
  return url && isSafeUrl(url) ? (
    <>
      {' '}
      <a href={url} target="_blank" rel="noopener noreferrer">
        {texts.privacyPolicy}
      </a>
    </>
  ) : null;
}
