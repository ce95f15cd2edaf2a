// Behaviour of components/SiteHeader.astro on phones: the 搜索 and 菜单 buttons each show or
// hide the part of the header their aria-controls names (the search form, the navigation). The
// folding itself is CSS (styles/site-header.css), which ignores it on wide screens. Deferred.
(() => {
  /** @type {HTMLElement | null} */
  const header = document.querySelector('[data-site-header]');
  if (!header) return;
  const toggles = [.../** @type {NodeListOf<HTMLButtonElement>} */ (header.querySelectorAll('[data-header-toggle]'))];
  const partOf = (/** @type {HTMLElement} */ button) => /** @type {HTMLElement} */ (document.getElementById(/** @type {string} */ (button.getAttribute('aria-controls'))));

  /** @param {HTMLButtonElement} button @param {boolean} open */
  const setOpen = (button, open) => {
    button.setAttribute('aria-expanded', String(open));
    partOf(button).toggleAttribute('data-open', open);
  };

  for (const button of toggles) {
    const part = partOf(button);
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      setOpen(button, open);
      // The reader pressed 搜索 to type: the box takes the focus (the menu keeps it on its button).
      if (open) part.querySelector('input')?.focus();
    });
    // Esc closes the open part the focus is in, and gives the focus back to its button.
    part.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true' || button.offsetParent === null) return;
      // In a search box with text, Esc first clears the text (the browser's own behaviour).
      if (event.target instanceof HTMLInputElement && event.target.value) return;
      setOpen(button, false);
      button.focus();
    });
  }
  header.dataset.ready = '';
})();
