/**
 * The lazy UI chunk: loaded only when the banner or the preferences are shown. Named exports follow
 * `UiModule` in ./contract; the loader never imports this file.
 * The .tsx files use Preact's classic h() (the pragma line at their top): h(type, props, ...children)
 * is about 190 bytes gzip smaller across the chunk than the automatic runtime's jsx(type, { children: [...] }).
 */
import { createUi, type UiController } from './create-ui';

const ui: UiController = createUi();

export const show: UiController['show'] = ui.show;
export const hide: UiController['hide'] = ui.hide;
export const unmount: UiController['unmount'] = ui.unmount;
