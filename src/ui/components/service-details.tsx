/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
import { h } from 'preact';
import type { ServiceSettings } from '../../config/types';
import type { UiTexts } from '../i18n/page-texts';
import { localize } from '../i18n/localize';
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

/** The services of one category and the cookies they set: what, who, why, how long. */
export function ServiceDetails({ id, labelledBy, hidden, services, texts, lang }: ServiceDetailsProps) {
  const rows = services.flatMap((service) =>
    service.cookies.map((cookie) => (
      <tr>
        <td>
          <code>{cookie.name + (cookie.prefix ? '*' : '')}</code>
        </td>
        <td>{service.provider || service.name}</td>
        <td>{localize(cookie.purpose, lang) || localize(service.purpose, lang)}</td>
        <td>{localize(cookie.duration, lang)}</td>
      </tr>
    )),
  );
  return (
    <div id={id} class="svc" hidden={hidden}>
      <ul>
        {services.map((service) => (
          <li>
            <strong>{service.name || service.id}</strong>
            {[service.provider, localize(service.purpose, lang)].map((part) => part && ' · ' + part)}
            <PolicyLink url={service.privacyPolicyUrl} texts={texts} />
          </li>
        ))}
      </ul>
      {/* Data tables may scroll sideways on narrow screens (WCAG 1.4.10); focusable so the keyboard can scroll it. */}
      {rows.length > 0 && (
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
