/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { Fragment, h, type ComponentChild } from 'preact';
import type { ServiceSettings } from '../../core/config/types';
import type { UiTexts } from '../../core/texts/page-texts';
import { localize } from '../../core/texts/localize';
import { PolicyLink } from './policy-link';

export interface ServiceDetailsProps {
  id: string;
  /** The category title, which also names the cookie table. */
  labelledBy: string;
  hidden: boolean;
  services: ServiceSettings[];
  texts: UiTexts;
  lang: string;
}

/** The services of one category and the cookies and browser storage they use: what, who, why, how long (or where). */
export function ServiceDetails({ id, labelledBy, hidden, services, texts, lang }: ServiceDetailsProps) {
  // Cookies, then the browser storage the service declares: the duration column names the kind of storage
  // (an API name, the same in every language) and how long it keeps the key.
  const rows = services.flatMap((service) => {
    const row = (name: string, prefix: boolean | undefined, purpose: string, duration: ComponentChild) => (
      <tr>
        <td>
          <code>{name + (prefix ? '*' : '')}</code>
        </td>
        <td>{service.provider || service.name}</td>
        <td>{purpose || localize(service.purpose, lang)}</td>
        <td>{duration}</td>
      </tr>
    );
    return [
      ...service.cookies.map((cookie) => row(cookie.name, cookie.prefix, localize(cookie.purpose, lang), localize(cookie.duration, lang))),
      ...service.storage.map((item) =>
        row(
          item.key,
          item.prefix,
          localize(item.purpose, lang),
          <>
            <code>{item.type == 'indexeddb' ? 'IndexedDB' : item.type ? item.type + 'Storage' : 'localStorage/sessionStorage'}</code>{' '}
            {item.type == 'session' ? texts.untilTabClosed : texts.untilDeleted}
          </>,
        ),
      ),
    ];
  });
  return (
    <div id={id} class="svc" hidden={hidden}>
      <ul>
        {services.map((service) => (
          <li key={service.id}>
            <strong>{service.name || service.id}</strong>
            {[service.provider, localize(service.purpose, lang)].map((part) => part && ' · ' + part)}
            <PolicyLink url={service.privacyPolicyUrl} texts={texts} />
          </li>
        ))}
      </ul>
      {/* Data tables may scroll sideways on narrow screens (WCAG 1.4.10); focusable so the keyboard can scroll it. */}
      {rows.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
        <div class="tw" tabIndex={0} role="group" aria-labelledby={labelledBy}>
          <table>
            <thead>
              <tr>
                <th scope="col">{texts.cookieName}</th>
                <th scope="col">{texts.cookieProvider}</th>
                <th scope="col">{texts.cookiePurpose}</th>
                <th scope="col">{texts.cookieDuration}</th>
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}
