/** Scripts written right to left among the languages a site might configure. */
const RTL = ['ar', 'he', 'fa', 'ur'];

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL.includes(lang.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}
