import { afterEach, describe, expect, it } from 'vitest';
import { showPlaceholder } from '../../src/parts/placeholder';

// A service name or category title is text: "$&" and friends are not replacement patterns (issue 24 #15).
afterEach(() => document.body.replaceChildren());

describe('held-embed placeholder text', () => {
  it.each(['$&', "$'", '$`', '$$'])('shows a name containing %s as written', (pattern) => {
    const embed = document.createElement('iframe');
    embed.setAttribute('data-src', 'https://video.example/embed');
    document.body.append(embed);
    showPlaceholder(embed, { category: 'analytics' } as never, {
      texts: { placeholderText: 'This needs {service} ({category}).', loadOnce: 'Load once', alwaysAllow: 'Always allow {category}' },
      serviceName: `Tube ${pattern} Pro`,
      categoryTitle: `Stats ${pattern}`,
      onAlwaysAllow() {},
      onLoadOnce() {},
    });
    const box = document.querySelector('[data-consentry-placeholder]')!;
    expect(box.querySelector('p')!.textContent).toBe(`This needs Tube ${pattern} Pro (Stats ${pattern}).`);
    expect([...box.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Load once', `Always allow Stats ${pattern}`]);
  });
});
