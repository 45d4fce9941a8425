// Follows the visitor's choice: the store calls back at once with the current state, then after every decision.
window.Consentry.$state.subscribe((state) => {
  for (const element of document.querySelectorAll('#consent-status [data-category]')) {
    element.textContent = state.categories[element.dataset.category] ? 'granted' : 'not granted';
  }
});
