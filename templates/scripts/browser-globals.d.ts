// Types the browser scripts of this folder share (checked by jsconfig.json beside this file):
// the preferences object scripts/a11y-prefs.js puts on window, the toolbar's events, and what
// read-aloud speaks (a11y-read-text.js finds it for a11y-read-aloud.js). Declarations only:
// nothing of this file reaches the browser.

/** The reader's saved display choices (a11y-prefs.js); one that is absent has its default. */
interface GovsiteA11yPrefs {
  large?: boolean;
  contrast?: boolean;
  cursor?: boolean;
  guide?: boolean;
  simple?: boolean;
  /** 指读 */
  point?: boolean;
  /** Page zoom in percent, one of ZOOMS; 100 when absent. */
  zoom?: number;
  /** Read-aloud speed; 1 when absent. */
  rate?: number;
}

/** `window.govsiteA11y`: the preferences, set up by a11y-prefs.js for the toolbar's scripts. */
interface GovsiteA11y {
  /** The localStorage key they are saved under. */
  readonly KEY: string;
  /** The zoom steps, in percent, ascending. */
  readonly ZOOMS: number[];
  /** The largest zoom that leaves the page at least 320 CSS px wide. */
  maxZoom(): number;
  /** A preference; for 'zoom', the zoom in effect (100 when none, at most maxZoom()). */
  get<K extends string | undefined>(name: K): K extends 'zoom' ? number : K extends keyof GovsiteA11yPrefs ? GovsiteA11yPrefs[K] : unknown;
  /** Changes preferences; false or undefined removes one (its default). */
  set(patch: Record<string, boolean | number | undefined>): void;
  reset(): void;
  /** Reads them again: another tab changed them, or the window was resized. */
  reload(): void;
}

interface Window {
  /** Absent when a11y-prefs.js did not run. */
  govsiteA11y?: GovsiteA11y;
  /** Set by a11y-read-text.js, which the toolbar loads before a11y-read-aloud.js. */
  govsiteReadText: GovsiteReadText;
}

/** The toolbar's events on document (a11y-toolbar.js). */
interface DocumentEventMap {
  /** A toggle changed. */
  'govsite:a11y-change': CustomEvent<{ name: keyof GovsiteA11yPrefs; on: boolean }>;
  /** Everything went back to the defaults. */
  'govsite:a11y-reset': CustomEvent<undefined>;
}

/** One utterance of read-aloud (a11y-read-aloud.js): its text, and where it is on the page. */
interface ReadAloudPiece {
  text: string;
  range: Range;
  element: Element;
}

/** What read-aloud is reading. */
interface ReadAloudReading {
  pieces: ReadAloudPiece[];
  index: number;
  mode: 'continuous' | 'point';
  paused: boolean;
  utterance: SpeechSynthesisUtterance | null;
  /** 指读 of what a finger tapped: the player is docked for it, as for 连读. */
  tapped: boolean;
}

/** A run of text nodes of one block, with each node's offset in the run's text. */
interface ReadAloudRun {
  block: Element;
  element: Element;
  nodes: Array<{ node: Text; start: number }>;
  text: string;
}

/** `window.govsiteReadText`: what read-aloud says (a11y-read-text.js), for a11y-read-aloud.js. */
interface GovsiteReadText {
  /** What reading `root` aloud says, in document order. */
  collect(root: Element): ReadAloudPiece[];
  /** What 指读 says for an element: what it is and its state, a table cell with its header, or its text. */
  piecesOf(target: HTMLElement): ReadAloudPiece[];
  /** The element 指读 reads for what the pointer is over, if any. */
  pointTarget(element: Element | null): HTMLElement | null;
  /** The selector of the elements 指读 describes when they receive the focus. */
  readonly INTERACTIVE: string;
}
