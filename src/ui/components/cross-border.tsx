/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
import { h } from 'preact';
import type { CrossBorderConfig } from '../../core/config/types';
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

/** A configured phrase goes inside a sentence: its own closing stop would double the sentence's ("logs.."). */
const phrase = (text: string) => text.replace(/\s*[.。]+$/, '');

/** PIPL art. 39: a separate consent for sending data abroad, naming who gets what, where and why. */
export function CrossBorder({ model: { texts, lang, draft }, on, transfer }: UiProps & { transfer: CrossBorderConfig }) {
  return (
    <div class="cat">
      <div class="row">
        <h3 id="cy-xb">{texts.crossBorderTitle}</h3>
        <Switch checked={draft.crossBorder} labelledBy="cy-xb" describedBy="cy-xbd" onToggle={on.crossBorder} />
      </div>
      <p id="cy-xbd">
        {fill(texts.crossBorderText, {
          recipient: localize(transfer.recipient, lang),
          country: countryName(transfer.country, lang),
          purpose: phrase(localize(transfer.purpose, lang)),
          data: phrase(localize(transfer.dataCategories, lang)),
        })}
        {transfer.contact && ' ' + fill(texts.crossBorderContact, { contact: transfer.contact })}
      </p>
    </div>
  );
}
