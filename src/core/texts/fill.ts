/** Replaces `{name}` placeholders; unknown names are left as they are so a typo shows instead of vanishing. */
export function fill(template: string, values: { [name: string]: string | number }): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
