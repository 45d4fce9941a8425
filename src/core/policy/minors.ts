import type { ConsentRecord } from './types';

/**
 * A visitor under the age threshold cannot grant anything optional on their own say (PIPL art. 31, GDPR
 * art. 8, COPPA): only a parent's or guardian's confirmation (`via: 'guardian'`) can. One rule, used by
 * decide() for the grants and by recordFor() for the answers decide() does not compute (cross-border).
 */
export const isChildAlone = (record: Pick<ConsentRecord, 'ageGroup' | 'via'> | null | undefined): boolean =>
  record?.ageGroup === 'minor' && record.via !== 'guardian';
