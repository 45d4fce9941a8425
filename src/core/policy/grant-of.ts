/**
 * One id's grant in a map of grants (ConsentState.categories/services, a record's choices), or undefined
 * when the map has no such id. Own properties only: ids reach here from markup, the API and cookies, and
 * "constructor", "toString" or "__proto__" must name nothing, not an Object.prototype member (truthy).
 */
export const grantOf = (grants: { [id: string]: boolean }, id: string | undefined): boolean | undefined =>
  id != null && Object.hasOwn(grants, id) ? grants[id] : undefined;

/**
 * The public `isGranted(id)` (window.Consentry, createConsent): an id names a category or a service, never
 * both (the validator refuses a service that takes a category's id), so either map answers.
 */
export const idGranted = (state: { categories: { [id: string]: boolean }; services: { [id: string]: boolean } }, id: string): boolean =>
  !!(grantOf(state.categories, id) ?? grantOf(state.services, id));
