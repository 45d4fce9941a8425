/* @jsxRuntime classic */ /* @jsx h */ /* @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above uses them
import { Fragment, h } from 'preact';
import type { UiView } from '../../core/policy/api';
import type { UiProps } from '../model';
import { Banner } from './banner';
import { Notice } from './notice';
import { OptOutView } from './opt-out-view';
import { Preferences } from './preferences';

/** The polite live region is always present, so that filling it is announced. */
export function App(props: UiProps & { view: UiView | null }) {
  return (
    <>
      <div class="sr" role="status">
        {props.model.announcement}
      </div>
      {props.view === 'banner' && <Banner {...props} />}
      {props.view === 'preferences' && <Preferences {...props} />}
      {props.view === 'notice' && <Notice {...props} />}
      {(props.view === 'do-not-sell' || props.view === 'limit-sensitive') && <OptOutView {...props} kind={props.view} />}
    </>
  );
}
