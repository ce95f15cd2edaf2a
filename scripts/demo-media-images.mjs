// The demo content's illustrative JPEG images (make-demo-media.mjs): simple scenes made of
// shapes, drawn as SVG; the script turns them into JPEG with sharp. Photos carry no burned-in
// caption: text in an image is unreadable to screen readers and in 大字版, and the page's own
// caption and alt text say what it shows (issue 26 item 6).

const W = 1200;
const H = 675;
const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

// ---------------------------------------------------------------------------
// Images: simple illustrative scenes made of shapes.
// ---------------------------------------------------------------------------

const svg = (/** @type {string} */ body, /** @type {string} */ caption = '') => `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
${body}
${caption ? `<rect x="0" y="${H - 56}" width="${W}" height="56" fill="#000000" fill-opacity="0.45"/>
<text x="32" y="${H - 20}" font-family="${FONT}" font-size="26" fill="#ffffff">${caption}</text>` : ''}
</svg>`;

/** @param {number} x @param {number} y @param {string} shirt */
function person(x, y, shirt, scale = 1) {
  const s = scale;
  return `<g transform="translate(${x} ${y}) scale(${s})">
  <circle cx="0" cy="-78" r="16" fill="#e8c39e"/>
  <rect x="-18" y="-60" width="36" height="52" rx="10" fill="${shirt}"/>
  <rect x="-16" y="-10" width="13" height="40" fill="#2f3640"/>
  <rect x="3" y="-10" width="13" height="40" fill="#2f3640"/>
</g>`;
}

function serviceHall() {
  let b = `<rect width="${W}" height="${H}" fill="#eef2f6"/>
<rect x="0" y="0" width="${W}" height="90" fill="#d9e2ec"/>`;
  for (let i = 0; i < 8; i++) b += `<rect x="${40 + i * 145}" y="18" width="110" height="54" rx="4" fill="#fdfdfd" opacity="0.8"/>`;
  // electronic queue display
  b += `<rect x="420" y="110" width="360" height="80" rx="6" fill="#1f3a5f"/>
<rect x="440" y="128" width="150" height="16" fill="#ff5a4e"/><rect x="440" y="156" width="220" height="16" fill="#7bd389"/>
<rect x="610" y="128" width="150" height="16" fill="#ffd166"/>`;
  // counters
  b += `<rect x="0" y="330" width="${W}" height="${H - 330}" fill="#c9ced6"/>`;
  for (let i = 0; i < 5; i++) {
    const x = 60 + i * 225;
    b += `<rect x="${x}" y="240" width="190" height="120" fill="#a4161a"/>
<rect x="${x + 20}" y="255" width="150" height="26" rx="3" fill="#ffffff"/>
<rect x="${x}" y="350" width="190" height="22" fill="#7a1013"/>`;
    b += person(x + 95, 238, '#1f3a5f', 0.9);
  }
  // queueing citizens
  const shirts = ['#2a9d8f', '#e9c46a', '#f4a261', '#457b9d', '#8d6e63', '#6d597a', '#e76f51'];
  for (let i = 0; i < 7; i++) b += person(150 + i * 150, 560 + (i % 2) * 18, shirts[i], 1.3);
  return svg(b);
}

function harvest() {
  let b = `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ecae6"/><stop offset="1" stop-color="#dff3fb"/></linearGradient></defs>
<rect width="${W}" height="${H}" fill="url(#sky)"/>
<circle cx="1020" cy="110" r="55" fill="#ffd166"/>
<path d="M0 300 L140 210 L260 270 L420 180 L600 260 L780 190 L960 250 L1200 200 L1200 330 L0 330 Z" fill="#6a994e"/>
<path d="M0 330 L180 280 L380 320 L600 270 L840 320 L1200 280 L1200 360 L0 360 Z" fill="#386641"/>`;
  // village houses
  for (let i = 0; i < 6; i++) {
    const x = 90 + i * 70;
    b += `<rect x="${x}" y="300" width="50" height="36" fill="#f2e8cf"/><path d="M${x - 6} 302 L${x + 25} 280 L${x + 56} 302 Z" fill="#9c2f2f"/>`;
  }
  // golden fields with stripes
  b += `<rect x="0" y="350" width="${W}" height="${H - 350}" fill="#e9b949"/>`;
  for (let i = 0; i < 14; i++) b += `<path d="M${-200 + i * 110} ${H} L${300 + i * 70} 350" stroke="#d49a2a" stroke-width="10"/>`;
  // two combine harvesters
  const combine = (/** @type {number} */ x, /** @type {number} */ y, /** @type {number} */ s) => `<g transform="translate(${x} ${y}) scale(${s})">
  <rect x="0" y="-70" width="170" height="70" rx="8" fill="#c1121f"/>
  <rect x="110" y="-120" width="60" height="52" rx="6" fill="#ffffff" stroke="#c1121f" stroke-width="6"/>
  <rect x="-70" y="-30" width="80" height="30" fill="#6c757d"/>
  <rect x="40" y="-100" width="14" height="34" fill="#495057"/>
  <circle cx="40" cy="8" r="26" fill="#212529"/><circle cx="140" cy="8" r="26" fill="#212529"/>
  <circle cx="40" cy="8" r="10" fill="#adb5bd"/><circle cx="140" cy="8" r="10" fill="#adb5bd"/>
</g>`;
  b += combine(260, 520, 1.1) + combine(760, 600, 1.3);
  return svg(b);
}

function farmland() {
  let b = `<rect width="${W}" height="${H}" fill="#7fb069"/>`;
  const cols = 6;
  const rows = 4;
  const cw = W / cols;
  const rh = (H - 56) / rows;
  const greens = ['#a7c957', '#8cb369', '#b5c99a', '#97a97c', '#c9d86b'];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      b += `<rect x="${c * cw + 10}" y="${r * rh + 10}" width="${cw - 20}" height="${rh - 20}" fill="${greens[(r * 3 + c) % greens.length]}"/>`;
      for (let k = 1; k < 6; k++) b += `<line x1="${c * cw + 10}" y1="${r * rh + 10 + k * (rh - 20) / 6}" x2="${c * cw + cw - 10}" y2="${r * rh + 10 + k * (rh - 20) / 6}" stroke="#6a8d3a" stroke-width="2" opacity="0.5"/>`;
    }
  }
  // roads (vertical) and canals (horizontal)
  for (let c = 1; c < cols; c++) b += `<rect x="${c * cw - 8}" y="0" width="16" height="${H}" fill="#d6ccc2"/>`;
  for (let r = 1; r < rows; r++) b += `<rect x="0" y="${r * rh - 7}" width="${W}" height="14" fill="#4ea8de"/>`;
  // farmhouses in one corner
  for (let i = 0; i < 4; i++) b += `<rect x="${1020 + (i % 2) * 70}" y="${30 + Math.floor(i / 2) * 60}" width="54" height="40" fill="#f8f9fa" stroke="#9c6644" stroke-width="4"/>`;
  return svg(b);
}

function newSchool() {
  let b = `<rect width="${W}" height="${H}" fill="#bde0fe"/>
<circle cx="160" cy="110" r="48" fill="#fff3b0"/>
<rect x="0" y="430" width="${W}" height="${H - 430}" fill="#7cb342"/>`;
  // teaching building
  b += `<rect x="330" y="160" width="700" height="280" fill="#f1ece2" stroke="#b08968" stroke-width="4"/>
<rect x="330" y="150" width="700" height="18" fill="#1d4e89"/>`;
  for (let f = 0; f < 3; f++) for (let w = 0; w < 10; w++) b += `<rect x="${360 + w * 66}" y="${190 + f * 80}" width="44" height="48" fill="#8ecae6" stroke="#5c677d" stroke-width="3"/>`;
  b += `<rect x="640" y="360" width="80" height="80" fill="#6d4c41"/>`;
  // flag pole with a red flag
  b += `<rect x="200" y="200" width="8" height="240" fill="#adb5bd"/><rect x="208" y="204" width="90" height="60" fill="#d62828"/>`;
  // running track and field
  b += `<rect x="60" y="480" width="1080" height="150" rx="75" fill="#c0392b"/>
<rect x="120" y="505" width="960" height="100" rx="50" fill="#43a047"/>
<line x1="600" y1="505" x2="600" y2="605" stroke="#ffffff" stroke-width="4"/>
<circle cx="600" cy="555" r="26" fill="none" stroke="#ffffff" stroke-width="4"/>`;
  return svg(b);
}

function river() {
  let b = `<rect width="${W}" height="${H}" fill="#cde7f0"/>
<path d="M0 250 L200 170 L420 230 L640 150 L900 220 L1200 160 L1200 300 L0 300 Z" fill="#95b8a0"/>
<rect x="0" y="290" width="${W}" height="${H - 290}" fill="#74c69d"/>
<path d="M380 ${H} C 480 560, 360 460, 520 380 S 760 300, 820 290 L 900 290 C 840 310, 700 360, 640 420 S 620 560, 760 ${H} Z" fill="#4ea8de"/>
<path d="M372 ${H} C 472 560, 352 460, 512 380 S 752 300, 812 290" fill="none" stroke="#adb5bd" stroke-width="14"/>
<path d="M768 ${H} C 628 560, 648 420, 708 360 S 848 310, 908 290" fill="none" stroke="#adb5bd" stroke-width="14"/>
<path d="M300 ${H} C 400 560, 280 460, 450 370 S 700 300, 760 290" fill="none" stroke="#e9d8a6" stroke-width="18"/>
<path d="M860 ${H} C 720 560, 740 430, 790 370 S 900 315, 960 292" fill="none" stroke="#e9d8a6" stroke-width="18"/>`;
  const tree = (/** @type {number} */ x, /** @type {number} */ y, /** @type {number} */ s) => `<g transform="translate(${x} ${y}) scale(${s})"><rect x="-6" y="-10" width="12" height="40" fill="#7f5539"/><circle cx="0" cy="-30" r="30" fill="#2d6a4f"/></g>`;
  const trees = [[240, 600, 1.4], [200, 470, 1.1], [300, 380, 0.9], [420, 320, 0.7], [960, 610, 1.4], [980, 470, 1.1], [900, 380, 0.9], [870, 330, 0.7]];
  for (const [x, y, s] of trees) b += tree(x, y, s);
  // benches
  b += `<rect x="120" y="560" width="60" height="10" fill="#6c584c"/><rect x="1030" y="560" width="60" height="10" fill="#6c584c"/>`;
  return svg(b);
}

/** @type {Array<[string, () => string]>} */
export const images = [
  ['shili/news/2026-11-14-service-hall-one-thing/service-hall.jpg', serviceHall],
  ['shili/news/2026-11-10-autumn-grain-harvest/cover.jpg', harvest],
  ['shili/county-news/2026-11-17-anping-farmland/farmland.jpg', farmland],
  ['shili-jyt/news/2026-11-16-new-schools-opened/new-school.jpg', newSchool],
  ['anping/news/2026-11-15-qingshui-river-restoration/river.jpg', river],
];
