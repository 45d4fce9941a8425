/**
 * What must hold for the figures to mean anything: on a first visit nothing fires and a banner shows;
 * on a returning visit every tag fires and no banner shows; no page errors. Each breach becomes a note.
 */
export function sanityNotes(sdks, results) {
  const notes = [];
  const count = (runs, test) => runs.filter(test).length;
  for (const sdk of sdks) {
    const { first, returning } = results.get(sdk.id);
    const fired = count(first, (r) => r.tagsRan.length > 0);
    if (fired)
      notes.push(
        `${sdk.name}: a tag fired before consent in ${fired}/${first.length} first visits (${first.find((r) => r.tagsRan.length).tagsRan.join(', ')}).`,
      );
    const noBanner = count(first, (r) => r.bannerAt === null);
    if (noBanner) notes.push(`${sdk.name}: no visible banner within the timeout in ${noBanner}/${first.length} first visits.`);
    const missing = count(returning, (r) => r.tagsRan.length < 3);
    if (missing) notes.push(`${sdk.name}: not every granted tag fired in ${missing}/${returning.length} returning visits.`);
    const banner = count(returning, (r) => r.bannerAt !== null);
    if (banner) notes.push(`${sdk.name}: a banner showed on ${banner}/${returning.length} returning visits.`);
    const errors = [...new Set([...first, ...returning].flatMap((r) => r.errors))];
    if (errors.length) notes.push(`${sdk.name}: page errors: ${errors.slice(0, 3).join(' | ')}`);
  }
  return notes;
}
