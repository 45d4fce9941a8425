/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { Fragment, h } from 'preact';
import type { CategorySettings } from '../../core/config/types';
import { categoryDescription, categoryTitle } from '../category-texts';
import { isLockedForMinor } from '../draft';
import { withCount } from '../../core/texts/punctuation';
import type { UiProps } from '../model';
import { sdkService } from '../sdk-service';
import { RichText } from './rich-text';
import { ServiceDetails } from './service-details';
import { Switch } from './switch';

/**
 * One category: title, switch (locked on for essential; locked off below the age threshold until a guardian
 * confirms), details. Essential also lists the consent tool's own cookie and keys.
 */
export function CategorySection({ model, on, category }: UiProps & { category: CategorySettings }) {
  const { settings, texts, lang, draft, expanded } = model;
  const { id, required } = category;
  const services = settings.services.filter((service) => service.category === id);
  if (required) services.push(sdkService(settings, texts, lang, id));
  const minorLocked = isLockedForMinor(draft, id);
  const titleId = `cy-c-${id}`;
  const textId = `cy-d-${id}`;
  return (
    <div class="cat">
      <div class="row">
        <h3 id={titleId}>{categoryTitle(category, texts, lang)}</h3>
        {required && <span class="note">{texts.alwaysOn}</span>}
        <Switch
          checked={required || draft.categories[id]}
          disabled={required || minorLocked}
          labelledBy={titleId}
          describedBy={textId}
          onToggle={() => on.toggle(id)}
        />
      </div>
      <p id={textId}>
        <RichText text={categoryDescription(category, texts, lang)} />
        {minorLocked && <span class="note"> {texts.minorNote}</span>}
      </p>
      {services.length > 0 && (
        <>
          <button
            class="more"
            aria-expanded={!!expanded[id]}
            aria-controls={`cy-s-${id}`}
            aria-describedby={titleId}
            onClick={() => on.expand(id)}
          >
            {withCount(texts.services, services.length, lang)}
          </button>
          <ServiceDetails id={`cy-s-${id}`} labelledBy={titleId} hidden={!expanded[id]} services={services} texts={texts} lang={lang} />
        </>
      )}
    </div>
  );
}
