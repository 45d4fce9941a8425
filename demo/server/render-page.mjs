import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml } from './escape-html.mjs';

/**
 * @typedef {'en' | 'zh'} Language
 * @typedef {{ page: string, language: Language, vars: Record<string, string> }} RenderOptions
 */

/**
 * Fills `{{NAME}}` and `{{t.key}}` placeholders. `vars` hold ready HTML (the caller escaped them);
 * `t.*` are the site chrome's texts and are escaped here. Unknown names are left visible on purpose,
 * so a typo shows on the page and in the tests instead of vanishing.
 * @param {string} template
 * @param {Record<string, string>} vars
 * @param {Record<string, unknown>} texts
 */
export function fillTemplate(template, vars, texts) {
  return template.replace(/\{\{([A-Za-z][\w.]*)\}\}/g, (match, key) => {
    if (key.startsWith('t.')) {
      const text = texts[key.slice(2)];
      return typeof text === 'string' ? escapeHtml(text) : match;
    }
    return key in vars ? vars[key] : match;
  });
}

/**
 * Pages are a shared layout plus one content file per language (demo/pages/<lang>/<page>.html).
 * Files are read on every request, so editing a page shows on reload.
 * @param {{ pagesDir: string }} options
 */
export function createPageRenderer({ pagesDir }) {
  async function chrome(language) {
    const all = JSON.parse(await readFile(join(pagesDir, 'chrome.json'), 'utf8'));
    return all[language];
  }
  return {
    chrome,
    /** @param {RenderOptions} options */
    async render({ page, language, vars }) {
      const texts = await chrome(language);
      const [layout, content] = await Promise.all([
        readFile(join(pagesDir, 'layout.html'), 'utf8'),
        readFile(join(pagesDir, language, `${page}.html`), 'utf8'),
      ]);
      const pageVars = {
        ...vars,
        PAGE: page,
        HTML_LANG: texts.htmlLang,
        TITLE: escapeHtml(texts.titles[page] || texts.brand),
      };
      return fillTemplate(layout, { ...pageVars, CONTENT: fillTemplate(content, pageVars, texts) }, texts);
    },
  };
}
