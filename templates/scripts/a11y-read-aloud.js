// Read-aloud (内容朗读, A11Y-03) of components/A11yReadAloud.astro, on the browser's own speech
// synthesis (Web Speech API): no audio is fetched from anywhere. Plain JavaScript, copied as is
// into _astro/, loaded by scripts/a11y-toolbar.js when read-aloud is first wanted, after
// scripts/a11y-read-text.js, which finds what to say (window.govsiteReadText).
//
// 连读 reads <main> in document order: the title, the time and source, the body, tables row by
// row with each cell named by its column header (“指标：地区生产总值，单位：亿元……”), image
// descriptions; it skips navigation (including the breadcrumb), the toolbars, form controls and
// anything hidden. 指读 reads what the mouse rests on (after a short pause), what a finger taps or
// what receives the keyboard focus, saying what it is (链接、按钮、图片…) and its state.
//
// While 连读 reads (or 指读 reads what was tapped) the player (components/A11yPlayer.astro:
// 暂停/继续, 停止, 语速) is docked at the bottom of the screen, so it is at hand wherever the
// reading has scrolled to; it stays while the focus is in it.
//
// Text is spoken sentence by sentence, and a sentence longer than MAX_CHARS is cut at a comma (or,
// failing one, between words): some browsers silently stop an utterance after about 15 seconds,
// which is some 60 Chinese characters. Each piece is its own utterance, which also lets the
// sentence being read be highlighted and scrolled into view, and the speed change take effect
// at once. A Chinese voice is chosen when the browser has one (zh-CN first, then any zh).
(() => {
  const a11y = window.govsiteA11y;
  const toolbar = document.querySelector('[data-a11y-toolbar]');
  const found = toolbar?.querySelector('[data-a11y-player]');
  if (!a11y || !toolbar || !found) return;
  const player = /** @type {HTMLElement} */ (found);
  const slot = /** @type {HTMLElement} */ (player.parentElement);

  const POINT_DELAY = 300;
  const HIGHLIGHT = 'govsite-reading';
  const { collect, piecesOf, pointTarget, INTERACTIVE } = window.govsiteReadText;

  const synth = window.speechSynthesis;
  const canSpeak = Boolean(synth && typeof synth.speak === 'function' && typeof window.SpeechSynthesisUtterance === 'function');
  const control = (/** @type {string} */ name) => /** @type {HTMLElement} */ (toolbar.querySelector(`[data-read="${name}"]`));
  const [play, pause, stop, rateSelect, note] = ['play', 'pause', 'stop', 'rate', 'unsupported'].map(control);
  const UNSUPPORTED = note.textContent;
  const FAILED = '浏览器未能朗读（没有可用的语音，或声音设备不可用）：请检查电脑的声音设置，或换用其他浏览器。';
  const status = /** @type {HTMLElement} */ (toolbar.querySelector('[role="status"]'));
  /** @type {{ (message: string | null): void, timer?: number }} */
  const announce = (message) => {
    status.textContent = '';
    clearTimeout(announce.timer);
    announce.timer = setTimeout(() => {
      status.textContent = message;
      // The message box lies over the page (a11y-toolbar.css): gone after time enough to read it.
      announce.timer = setTimeout(() => { status.textContent = ''; }, Math.max(5000, (message ?? '').length * 300));
    }, 100);
  };

  // ---- Highlight ----
  const highlights = typeof Highlight === 'function' && window.CSS?.highlights ? CSS.highlights : null;
  const calm = matchMedia('(prefers-reduced-motion: reduce)');
  /** @type {Element | null} */
  let outlined = null;
  /** @type {number | null} */
  let scrollTarget = null;
  // Any scroll that ends (ours, or the reader's own) makes the real position the reference again.
  addEventListener('scrollend', () => { scrollTarget = null; });
  /** @param {ReadAloudPiece} piece @param {boolean} follow */
  function mark(piece, follow) {
    if (outlined !== piece.element) {
      outlined?.removeAttribute('data-a11y-reading');
      piece.element.setAttribute('data-a11y-reading', '');
      outlined = piece.element;
    }
    highlights?.set(HIGHLIGHT, new Highlight(piece.range));
    if (!follow) return;
    let box = piece.range.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) box = piece.element.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) return;
    // Judge against where a smooth scroll still running will stop, not where it is now: a
    // sentence that looks in view mid-scroll can be carried off the top by the rest of it.
    const settled = scrollTarget ?? window.scrollY;
    const top = window.scrollY + box.top - settled;
    // The docked player covers the bottom of the screen: the sentence is kept above it.
    const bottom = window.innerHeight - (player.hasAttribute('data-docked') ? player.offsetHeight : 0) - 16;
    if (top >= 16 && top + box.height <= bottom) return;
    scrollTarget = Math.max(0, Math.min(window.scrollY + box.top - window.innerHeight / 3, document.documentElement.scrollHeight - window.innerHeight));
    window.scrollTo({ top: scrollTarget, behavior: calm.matches ? 'auto' : 'smooth' });
  }
  function unmark() {
    outlined?.removeAttribute('data-a11y-reading');
    outlined = null;
    highlights?.delete(HIGHLIGHT);
  }

  // ---- Speech ----
  const RATES = [.../** @type {HTMLSelectElement} */ (rateSelect).options].map((option) => Number(option.value));
  const rate = () => (RATES.includes(Number(a11y.get('rate'))) ? Number(a11y.get('rate')) : 1);
  /** @type {SpeechSynthesisVoice | null} */
  let voice = null;
  let warnedVoice = false;
  const pickVoice = () => {
    const voices = synth.getVoices?.() ?? [];
    voice = voices.find((v) => /^zh[-_]cn/i.test(v.lang)) ?? voices.find((v) => /^(zh|cmn)\b/i.test(v.lang)) ?? null;
    return voices.length;
  };

  /** What is being read: {pieces, index, mode: 'continuous' | 'point', paused, utterance}. @type {ReadAloudReading | null} */
  let reading = null;
  function update() {
    pause.setAttribute('aria-disabled', String(!reading));
    stop.setAttribute('aria-disabled', String(!reading));
    pause.textContent = reading?.paused ? '继续' : '暂停';
    if (reading && (reading.mode === 'continuous' || reading.tapped)) dock(true);
    else if (!player.contains(document.activeElement)) dock(false);
  }
  /** Docks the player at the bottom of the screen, or gives it back its row in the toolbar. */
  function dock(/** @type {boolean} */ on) {
    if (on === player.hasAttribute('data-docked')) return;
    // Its row in the open tools keeps its height while it is away, so nothing on the page moves.
    if (on) slot.style.setProperty('--a11y-player-held', `${slot.offsetHeight}px`);
    slot.toggleAttribute('data-held', on);
    player.toggleAttribute('data-docked', on);
    document.documentElement.toggleAttribute('data-a11y-docked', on);
  }
  // Docked after the reading ended because the focus was in it: it goes when the focus does.
  player.addEventListener('focusout', (event) => {
    if (!reading && !player.contains(/** @type {Node | null} */ (event.relatedTarget))) dock(false);
  });
  /** @param {ReadAloudPiece[]} pieces @param {ReadAloudReading['mode']} mode @param {boolean} [tapped] */
  function start(pieces, mode, tapped = false) {
    if (!canSpeak) {
      announce(UNSUPPORTED);
      return;
    }
    halt();
    if (pieces.length === 0) {
      if (mode === 'continuous') announce('本页没有可以朗读的内容');
      return;
    }
    const voices = pickVoice();
    if (!voice && voices > 0 && !warnedVoice) {
      warnedVoice = true;
      announce('没有找到中文语音，将用浏览器的默认语音朗读');
    } else if (mode === 'continuous') {
      announce('开始朗读');
    }
    reading = { pieces, index: 0, mode, paused: false, utterance: null, tapped };
    speak(reading);
    update();
  }
  function speak(/** @type {ReadAloudReading} */ current) {
    const piece = current.pieces[current.index];
    const utterance = new SpeechSynthesisUtterance(piece.text);
    utterance.lang = 'zh-CN';
    utterance.rate = rate();
    if (voice) utterance.voice = voice;
    // Events of an utterance that was cancelled or replaced are ignored.
    const stale = () => reading !== current || current.utterance !== utterance;
    utterance.onend = () => {
      if (stale()) return;
      current.index += 1;
      if (current.index < current.pieces.length) speak(current);
      else finish();
    };
    utterance.onerror = (event) => {
      if (stale() || event.error === 'interrupted' || event.error === 'canceled') return;
      halt();
      announce(event.error === 'not-allowed' ? '浏览器暂不允许本页发声：请再按一次“连读”。' : FAILED);
    };
    // Kept referenced until it ends: some browsers drop the events of a collected utterance.
    current.utterance = utterance;
    mark(piece, current.mode === 'continuous');
    synth.speak(utterance);
  }
  function finish() {
    const { mode } = /** @type {ReadAloudReading} */ (reading);
    reading = null;
    unmark();
    update();
    if (mode === 'continuous') announce('朗读完毕');
  }
  /** Stops whatever is being read, without a message. */
  function halt() {
    if (!reading) return;
    reading = null;
    synth.cancel();
    // Chromium stays paused across cancel(): the next reading would never start.
    if (synth.paused) synth.resume();
    unmark();
    update();
  }

  play.addEventListener('click', () => start(collect(document.querySelector('main') ?? document.body), 'continuous'));
  pause.addEventListener('click', () => {
    if (!reading) {
      announce(canSpeak ? '现在没有在朗读：请先按“连读”' : UNSUPPORTED);
      return;
    }
    reading.paused = !reading.paused;
    if (reading.paused) synth.pause();
    else synth.resume();
    update();
    announce(reading.paused ? '已暂停朗读' : '继续朗读');
  });
  stop.addEventListener('click', () => {
    if (!reading) {
      announce(canSpeak ? '现在没有在朗读' : UNSUPPORTED);
      return;
    }
    halt();
    announce('已停止朗读');
  });
  // The toolbar's script saves the new speed first; say the current sentence again at it.
  rateSelect.addEventListener('change', () => {
    if (!reading) return;
    const current = reading;
    current.utterance = null;
    synth.cancel();
    if (synth.paused) synth.resume();
    current.paused = false;
    speak(current);
    update();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !reading) return;
    halt();
    announce('已停止朗读');
  });
  window.addEventListener('pagehide', () => {
    reading = null;
    if (canSpeak) synth.cancel();
  });

  // 指读. The player's own controls are not described while it is docked for a reading: saying
  // “按钮：暂停” would replace the reading the reader is about to pause.
  /** @type {Element | null} */
  let pointed = null;
  let timer = 0;
  const pointing = () => a11y.get('point') === true && reading?.mode !== 'continuous';
  const inPlayer = (/** @type {EventTarget | null} */ node) => player.hasAttribute('data-docked') && player.contains(/** @type {Node | null} */ (node));
  const targetOf = (/** @type {EventTarget | null} */ node) => (inPlayer(node) ? null : pointTarget(/** @type {Element | null} */ (node)));
  document.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch' || !pointing()) return;
    const target = targetOf(event.target);
    if (target === pointed) return;
    clearTimeout(timer);
    pointed = target;
    if (target) timer = setTimeout(() => { if (pointing() && pointed === target) start(piecesOf(target), 'point'); }, POINT_DELAY);
  });
  document.addEventListener('focusin', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (!pointing() || !target.matches?.(INTERACTIVE) || inPlayer(target) || (target === pointed && reading)) return;
    clearTimeout(timer);
    pointed = target;
    start(piecesOf(target), 'point');
  });
  // A touch screen has no pointer to rest: 指读 reads what a finger taps (a tap, not the start of
  // a scroll, which cancels the pointer). A link or a control tapped still does what it does;
  // tapping what is being read stops it. Pointer events, not click: some phones send no click
  // for a tap on plain text.
  /** @type {{ x: number, y: number, id: number } | null} */
  let touch = null;
  document.addEventListener('pointerdown', (event) => {
    touch = event.pointerType === 'touch' ? { x: event.clientX, y: event.clientY, id: event.pointerId } : null;
  }, { passive: true });
  document.addEventListener('pointercancel', () => { touch = null; }, { passive: true });
  document.addEventListener('pointerup', (event) => {
    const tap = touch?.id === event.pointerId && Math.hypot(event.clientX - touch.x, event.clientY - touch.y) < 10;
    touch = null;
    const target = tap && pointing() ? targetOf(event.target) : null;
    if (!target || target.matches(INTERACTIVE)) return;
    clearTimeout(timer);
    if (reading && pointed === target) {
      halt();
      announce('已停止朗读');
      return;
    }
    pointed = target;
    start(piecesOf(/** @type {HTMLElement} */ (target)), 'point', true);
  }, { passive: true });

  document.addEventListener('govsite:a11y-change', ({ detail }) => {
    if (detail.name !== 'point') return;
    pointed = null;
    if (!canSpeak && detail.on) announce(UNSUPPORTED);
    if (!detail.on && reading?.mode === 'point') halt();
  });
  document.addEventListener('govsite:a11y-reset', () => {
    halt();
    pointed = null;
  });

  if (canSpeak) {
    pickVoice();
    synth.addEventListener?.('voiceschanged', pickVoice);
  }
  note.hidden = canSpeak;
  update();
})();
