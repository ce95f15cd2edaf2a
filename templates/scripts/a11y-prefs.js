// Applies the reader's saved display modes to <html> before the first paint and keeps the
// preferences for the toolbar's scripts (window.govsiteA11y); see components/A11yPrefs.astro.
// Kept tiny: every page waits for it.
(() => {
  const KEY = 'govsite.a11y';
  const FLAGS = ['large', 'contrast', 'cursor', 'guide', 'simple'];
  const ZOOMS = [100, 125, 150, 175, 200];
  const html = document.documentElement;
  const read = () => {
    try {
      const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}');
      return stored && typeof stored === 'object' ? stored : {};
    } catch {
      return {}; // storage blocked or a damaged record: the defaults
    }
  };
  let prefs = read();
  // Zoom never leaves the page narrower than 320 CSS px, the width every page is built for.
  const maxZoom = () => ZOOMS.filter((zoom) => zoom === 100 || window.innerWidth * 100 / zoom >= 320).pop() ?? 100;
  const zoom = () => Math.min(ZOOMS.includes(prefs.zoom) ? prefs.zoom : 100, maxZoom());
  const apply = () => {
    for (const flag of FLAGS) html.toggleAttribute(`data-a11y-${flag}`, prefs[flag] === true);
    if (zoom() > 100) html.dataset.a11yZoom = String(zoom());
    else delete html.dataset.a11yZoom;
  };
  const save = () => {
    try {
      if (Object.keys(prefs).length === 0) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, JSON.stringify(prefs));
    } catch {
      // not saved: the choice lasts for this page
    }
  };
  window.govsiteA11y = {
    KEY,
    ZOOMS,
    maxZoom,
    get: (name) => (name === 'zoom' ? zoom() : prefs[name]),
    /** Changes preferences; false or undefined removes one (its default). */
    set(patch) {
      prefs = { ...prefs, ...patch };
      for (const name in patch) if (patch[name] === false || patch[name] === undefined) delete prefs[name];
      apply();
      save();
    },
    reset() {
      prefs = {};
      apply();
      save();
    },
    /** Another tab changed them, or the window was resized. */
    reload() {
      prefs = read();
      apply();
    },
  };
  apply();
  html.dataset.a11yJs = '';
})();
