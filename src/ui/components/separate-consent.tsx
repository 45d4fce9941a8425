/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
import type { SeparateConsentSettings } from '../../core/config/types';
import { fill } from '../../core/texts/fill';
import { localize } from '../../core/texts/localize';
import type { UiProps } from '../model';
import { Switch } from './switch';

function countryName(country: string, lang: string): string {
  try {
    return (/^[A-Z]{2}$/.test(country) && new Intl.DisplayNames(lang, { type: 'region' }).of(country)) || country;
  } catch {
    return country;
  }
}

/**
 * A configured phrase goes inside a sentence that ends with its own stop: the phrase's closing stop (or
 * the ideographic one, full-width or half-width) would double it ("logs..", "日志。。").
 */
export const phrase = (text: string) => text.replace(/[\s.。．｡]+$/, '');

/**
 * One consent asked on its own (PIPL 单独同意): its switch, off until the visitor turns it on, and
 * everything art. 39 says they must be told: recipient, country (a transfer), contact, purpose, processing
 * method, data concerned and how to exercise their rights. `repeated`: another consent of the same kind
 * is shown too, so the heading names the recipient and the switches' names differ.
 */
export function SeparateConsent({
  model: { texts, lang, draft },
  on,
  consent,
  index,
  repeated,
}: UiProps & { consent: SeparateConsentSettings; index: number; repeated: boolean }) {
  const titleId = 'cy-sc' + index;
  const textId = titleId + 'd';
  const { kind } = consent;
  const recipient = localize(consent.recipient, lang);
  const title = kind == 'transfer' ? texts.crossBorderTitle : kind == 'sensitive' ? texts.sensitiveTitle : texts.provisionTitle;
  const sentence = kind == 'transfer' ? texts.crossBorderText : kind == 'sensitive' ? texts.sensitiveText : texts.provisionText;
  const method = phrase(localize(consent.processingMethod, lang));
  const rights = phrase(localize(consent.rights, lang));
  return (
    <div class="cat">
      <div class="row">
        <h3 id={titleId}>{repeated ? title + ' — ' + recipient : title}</h3>
        <Switch
          checked={!!draft.consents[consent.id]}
          labelledBy={titleId}
          describedBy={textId}
          onToggle={() => on.separateConsent(consent.id)}
        />
      </div>
      <div id={textId}>
        <p>
          {fill(sentence, {
            recipient,
            country: countryName(consent.country, lang),
            purpose: phrase(localize(consent.purpose, lang)),
            data: phrase(localize(consent.dataCategories, lang)),
          })}
        </p>
        {method && <p>{fill(texts.processingMethod, { method })}</p>}
        {rights && <p>{fill(texts.exerciseRights, { rights })}</p>}
        {consent.contact && <p>{fill(texts.crossBorderContact, { contact: consent.contact })}</p>}
        <p class="note">{texts.separateNote}</p>
      </div>
    </div>
  );
}
