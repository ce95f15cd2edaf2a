// Behaviour of components/A11yToolbar.astro: the mode toggles, page zoom, the reading guide line,
// reset, the disclosure of the tools, and loading read-aloud when it is first wanted. Deferred;
// the preferences live in scripts/a11y-prefs.js (window.govsiteA11y). Events on document:
//   govsite:a11y-change {name, on}: a toggle changed (read-aloud follows 指读)
//   govsite:a11y-reset: everything went back to the defaults (read-aloud, article tools follow)
(() => {
  const a11y = window.govsiteA11y;
  /** @type {HTMLElement | null} */
  const toolbar = document.querySelector('[data-a11y-toolbar]');
  if (!a11y || !toolbar) return;
  const html = document.documentElement;
  const NAMES = { large: '大字版', contrast: '高对比度', cursor: '大鼠标', guide: '阅读线', simple: '简洁模式', point: '指读' };
  const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (toolbar.querySelector(selector));

  const status = $('[role="status"]');
  /** @type {{ (message: string): void, timer?: number }} */
  const announce = (message) => {
    // Emptying the live region first makes screen readers announce a repeated message again.
    status.textContent = '';
    clearTimeout(announce.timer);
    announce.timer = setTimeout(() => {
      status.textContent = message;
      // The message box lies over the page (a11y-toolbar.css): gone after time enough to read it.
      announce.timer = setTimeout(() => { status.textContent = ''; }, Math.max(5000, message.length * 300));
    }, 100);
  };
  /** @param {string} type @param {unknown} [detail] */
  const emit = (type, detail) => document.dispatchEvent(new CustomEvent(type, { detail }));

  // Read-aloud (scripts/a11y-read-aloud.js, after scripts/a11y-read-text.js, which it reads) is
  // loaded on first use: a press in its group, or 指读 saved as on. The press that asked for it is
  // replayed once it has wired its controls.
  const read = $('[data-a11y-read]');
  let readAloud;
  const loadScript = (/** @type {string | undefined} */ src) =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = /** @type {string} */ (src);
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  const loadReadAloud = () => {
    readAloud ??= loadScript(read.dataset.textSrc)
      .then(() => loadScript(read.dataset.src))
      .catch(() => {
        readAloud = undefined;
        announce('朗读功能加载失败，请检查网络后再试');
        return Promise.reject();
      });
    return readAloud;
  };
  let loaded = false;
  // The controls are in the read-aloud group and in the player (A11yPlayer.astro).
  for (const area of [read, $('[data-a11y-player]')]) {
    for (const type of ['click', 'change']) {
      area.addEventListener(type, (event) => {
        /** @type {HTMLElement | null} */
        const control = /** @type {Element} */ (event.target).closest('[data-read]');
        if (loaded || !control) return;
        loadReadAloud().then(() => {
          loaded = true;
          if (type === 'click') control.click();
          else control.dispatchEvent(new Event('change', { bubbles: true }));
        }, () => {});
      });
    }
  }
  if (!window.speechSynthesis) $('[data-read="unsupported"]').hidden = false;

  const toggles = [.../** @type {NodeListOf<HTMLElement>} */ (toolbar.querySelectorAll('[data-a11y-pref]'))];
  const zoomIn = $('[data-a11y-zoom="in"]');
  const zoomOut = $('[data-a11y-zoom="out"]');
  const rate = /** @type {HTMLSelectElement} */ ($('[data-read="rate"]'));
  const sync = () => {
    for (const button of toggles) button.setAttribute('aria-pressed', String(a11y.get(button.dataset.a11yPref) === true));
    rate.value = String(a11y.get('rate') ?? 1);
    if (!rate.value) rate.value = '1';
    const zoom = a11y.get('zoom');
    $('[data-a11y-zoom-value]').textContent = `${zoom}%`;
    zoomOut.setAttribute('aria-disabled', String(zoom <= 100));
    zoomIn.setAttribute('aria-disabled', String(zoom >= a11y.maxZoom()));
  };

  for (const button of toggles) {
    button.addEventListener('click', () => {
      const name = /** @type {keyof typeof NAMES} */ (button.dataset.a11yPref);
      const on = a11y.get(name) !== true;
      a11y.set({ [name]: on });
      sync();
      const said = `${NAMES[name]}已${on ? '开启' : '关闭'}`;
      // 指读 is said to be on only once its script listens: a reader who hears it and points
      // at once (on a slow line the script takes a while) would otherwise hear nothing.
      if (name === 'point' && on) {
        loadReadAloud().then(() => {
          if (a11y.get('point') !== true) return;
          announce(said);
          emit('govsite:a11y-change', { name, on });
        }, () => {});
        return;
      }
      announce(said);
      emit('govsite:a11y-change', { name, on });
    });
  }
  if (a11y.get('point') === true) loadReadAloud().catch(() => {});

  // The reading speed is saved here, so a choice made before read-aloud is loaded counts too.
  rate.addEventListener('change', () => {
    a11y.set({ rate: rate.value === '1' ? undefined : Number(rate.value) });
    announce(`语速：${rate.selectedOptions[0].text}`);
  });

  const setZoom = (/** @type {number} */ step) => {
    const { ZOOMS } = a11y;
    const current = a11y.get('zoom');
    const next = ZOOMS[ZOOMS.indexOf(current) + step];
    if (next === undefined || next > a11y.maxZoom()) {
      const narrow = step > 0 && current < /** @type {number} */ (ZOOMS.at(-1)) ? '（屏幕较窄，再放大页面将显示不全，可改用大字版）' : '';
      announce(step > 0 ? `已是最大缩放 ${current}%${narrow}` : '已是原始大小 100%');
      return;
    }
    a11y.set({ zoom: next === 100 ? undefined : next });
    sync();
    announce(`页面缩放 ${next}%`);
  };
  zoomIn.addEventListener('click', () => setZoom(1));
  zoomOut.addEventListener('click', () => setZoom(-1));

  const disclosure = $('[aria-controls]');
  const panel = /** @type {HTMLElement} */ (document.getElementById(/** @type {string} */ (disclosure.getAttribute('aria-controls'))));
  disclosure.addEventListener('click', () => {
    const open = disclosure.getAttribute('aria-expanded') !== 'true';
    disclosure.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    // The read-aloud player is a row of the open tools (a11y-player.css).
    toolbar.toggleAttribute('data-open', open);
  });

  $('[data-a11y-reset]').addEventListener('click', () => {
    a11y.reset();
    // The article's font size (scripts/article-tools.js) is a display choice too: back to 中.
    delete html.dataset.articleFont;
    try {
      localStorage.removeItem('govsite.articleFontSize');
    } catch {
      // storage blocked: nothing was saved either
    }
    sync();
    emit('govsite:a11y-reset');
    announce('已恢复默认设置');
  });

  // 阅读线: a band that follows the pointer, or the keyboard focus, while the mode is on.
  const guide = document.createElement('div');
  guide.className = 'a11y-guide';
  guide.setAttribute('aria-hidden', 'true');
  document.body.append(guide);
  let frame = 0;
  const moveGuide = (/** @type {number} */ y) => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => { guide.style.transform = `translateY(${Math.round(y - guide.offsetHeight / 2)}px)`; });
  };
  const guideOn = () => html.hasAttribute('data-a11y-guide');
  document.addEventListener('pointermove', (event) => { if (guideOn()) moveGuide(event.clientY); }, { passive: true });
  document.addEventListener('focusin', (event) => {
    if (!guideOn() || event.target === document.body) return;
    const box = /** @type {Element} */ (event.target).getBoundingClientRect();
    moveGuide(box.top + box.height / 2);
  });

  // Another tab changed the preferences, or the window became too narrow for the zoom.
  const refresh = () => { a11y.reload(); sync(); };
  window.addEventListener('storage', (event) => { if (event.key === null || event.key === a11y.KEY) refresh(); });
  window.addEventListener('resize', refresh, { passive: true });

  sync();
  toolbar.dataset.ready = '';
})();
