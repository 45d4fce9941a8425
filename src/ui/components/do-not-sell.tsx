/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { h } from 'preact';
import { isLockedForMinor } from '../draft';
import type { UiProps } from '../model';
import { Switch } from './switch';

/** Opt-out regions (CCPA/CPRA): the objection to sale/sharing, which is the advertising category refused. */
export function DoNotSell({ model: { state, texts, draft }, on }: UiProps) {
  return (
    <div class="cat">
      <div class="row">
        <h3 id="cy-dns">{texts.doNotSell}</h3>
        <Switch
          checked={!draft.categories.advertising}
          disabled={isLockedForMinor(draft, 'advertising')}
          labelledBy="cy-dns"
          describedBy={state.signal ? 'cy-gpc' : undefined}
          onToggle={() => on.toggle('advertising')}
        />
      </div>
      {state.signal && (
        <p id="cy-gpc" class="note">
          {texts.gpcHonored}
        </p>
      )}
    </div>
  );
}
