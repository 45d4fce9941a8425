/*
 * Demo only, on the playground page, between the inline config and consentry: a config applied in
 * the playground (kept in this tab's sessionStorage) replaces the page's config before the SDK reads it.
 */
(function () {
  var text = null;
  try {
    text = sessionStorage.getItem('demo-config');
  } catch (e) {
    /* storage disabled: keep the site config */
  }
  var element = document.getElementById('consentry-config');
  if (text && element) {
    element.textContent = text;
    element.setAttribute('data-demo-applied', '');
  }
})();
