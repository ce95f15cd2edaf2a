// Issue 23 items 5 and 8: an SVG from content or site assets (a logo, a body image, an attachment)
// with script, an event handler, foreignObject, a reference outside the file or entities is
// refused (SEC-03), naming the file and what was found; the demo's logos and ordinary drawings
// pass. The old code published them all without a word (an SVG opened from the site runs its
// script as the site).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { inspectSvg } from '../../src/security/svg.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { copyPlatform, removePlatform, writeText } from '../helpers/platform.ts';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
const svg = (inner: string, attributes = '') => `<svg ${NS} ${XLINK}${attributes} viewBox="0 0 10 10">${inner}</svg>`;

const hostile: Array<[string, string, string]> = [
  ['<script>', svg('<script>alert(1)</script>'), '<script>'],
  ['<SCRIPT> in capitals', svg('<SCRIPT>alert(1)</SCRIPT>'), '<script>'],
  ['a prefixed svg:script', `<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg:svg>`, '<script>'],
  ['an XHTML script by namespace', svg('<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'), '<script>'],
  ['a script in CDATA', svg('<script><![CDATA[alert(1)]]></script>'), '<script>'],
  ['onload on the root', svg('<rect width="1" height="1"/>', ' onload="alert(1)"'), 'onload'],
  ['ONLOAD in capitals', svg('<rect width="1" height="1"/>', ' ONLOAD="alert(1)"'), 'ONLOAD'],
  ['onclick on an element', svg('<rect width="1" height="1" onclick="alert(1)"/>'), 'onclick'],
  ['onbegin on an animation', svg('<rect width="1" height="1"><animate attributeName="x" begin="0s" onbegin="alert(1)"/></rect>'), 'onbegin'],
  ['foreignObject', svg('<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), 'foreignObject'],
  ['an XHTML namespace without foreignObject', svg('<div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div>'), '命名空间'],
  ['<use> of another file', svg('<use href="https://evil.example/x.svg#a"/>'), 'href'],
  ['<use xlink:href> of a data: URL', svg('<use xlink:href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>'), 'href'],
  ['<image> of another site', svg('<image href="http://evil.example/x.png" width="1" height="1"/>'), 'href'],
  ['<image> of a data: URL', svg('<image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'), 'href'],
  ['<feImage> of another site', svg('<filter id="f"><feImage href="https://evil.example/x.png"/></filter>'), 'href'],
  ['a javascript: link', svg('<a href="javascript:alert(1)"><text>x</text></a>'), 'href'],
  ['an entity-encoded javascript: link', svg('<a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>'), 'href'],
  ['a javascript: link split by a tab reference', svg('<a href="java&#x09;script:alert(1)"><text>x</text></a>'), 'href'],
  ['a javascript: link with a leading space', svg('<a href=" javascript:alert(1)"><text>x</text></a>'), 'href'],
  ['an href through another prefix bound to XLink', svg('<a xmlns:l="http://www.w3.org/1999/xlink" l:href="javascript:alert(1)"><text>x</text></a>'), 'href'],
  ['<set> of href', svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'), '<set>'],
  ['<animate> of xlink:href', svg('<a xlink:href="#x"><animate attributeName="xlink:href" values="javascript:alert(1)"/><text>x</text></a>'), '动画'],
  ['url() to another site in style', svg('<rect width="1" height="1" style="fill:url(https://evil.example/p.svg#g)"/>'), 'url('],
  ['url() to a data: URL in an attribute', svg('<rect width="1" height="1" fill="url(data:image/svg+xml,x)"/>'), 'url('],
  ['@import in <style>', svg('<style>@import url(https://evil.example/x.css);</style>'), '@import'],
  ['url() in CDATA in <style>', svg("<style><![CDATA[rect{fill:url('//evil.example/x')}]]></style>"), 'url('],
  ['@font-face in <style>', svg('<style>@font-face{font-family:x;src:local(x)}</style>'), '@font-face'],
  ['a CSS escape spelling url(', svg('<style>rect{fill:\\75 rl(https://evil.example/x)}</style>'), '反斜杠'],
  ['behavior in a style attribute', svg('<rect width="1" height="1" style="behavior:url(#x)"/>'), '执行代码'],
  ['a DOCTYPE with an entity (XXE)', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${svg('<text>&xxe;</text>')}`, 'ENTITY'],
  ['an undeclared entity', svg('<text>&xxe;</text>'), '自定义实体'],
  ['<iframe>', svg('<iframe src="https://evil.example/"/>'), '<iframe>'],
  ['<embed>', svg('<embed src="https://evil.example/x.swf"/>'), '<embed>'],
  ['<object>', svg('<object data="https://evil.example/x.html"/>'), '<object>'],
  ['<handler> (SVG Tiny)', svg('<handler type="application/ecmascript">alert(1)</handler>'), '<handler>'],
  ['an xml-stylesheet instruction', `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?>${svg('')}`, '处理指令'],
  ['xml:base', svg('<a href="#x"><text>x</text></a>', ' xml:base="https://evil.example/"'), 'xml:base'],
  ['a root that is not <svg>', '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', '根元素'],
  ['a document that is not well formed', svg('<g><script>alert(1)</g>'), '配对'],
  ['UTF-16', '\ufeff' + svg(''), 'UTF-16'],
  ['another declared encoding', `<?xml version="1.0" encoding="UTF-7"?>${svg('')}`, '编码'],
  ['a NUL byte', svg('<text>\u0000</text>'), '控制字符'],
];

describe('inspectSvg: hostile SVGs are refused, with what was found', () => {
  it.each(hostile)('%s', (name, text, words) => {
    const bytes = Buffer.from(text, name === 'UTF-16' ? 'utf16le' : 'utf8');
    const findings = inspectSvg(bytes);
    expect(findings.map((f) => f.what).join(' | ')).toContain(words);
    expect(findings[0]!.line).toBeGreaterThanOrEqual(1);
  });
});

const clean: Array<[string, string]> = [
  ...readdirSync(path.join(projectRoot, 'sites')).map((site): [string, string] => [`the demo logo of ${site}`, readFileSync(path.join(projectRoot, 'sites', site, 'assets', 'logo.svg'), 'utf8')]),
  [
    'an export with a DOCTYPE, gradients, <use> and a style sheet',
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Generator: Adobe Illustrator 27.0 -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="layer_1" ${NS} ${XLINK} x="0px" y="0px" viewBox="0 0 100 100" xml:space="preserve">
<style type="text/css"><![CDATA[ .st0{fill:url(#grad);font-family:'Microsoft YaHei';} .st1{clip-path:url( "#clip" )} ]]></style>
<defs><linearGradient id="grad"><stop offset="0" stop-color="#c00"/><stop offset="1" stop-color="#900"/></linearGradient>
<clipPath id="clip"><circle cx="50" cy="50" r="40"/></clipPath><path id="star" d="M50 10 L61 40 L92 40 L67 58 L76 88 L50 70 L24 88 L33 58 L8 40 L39 40 Z"/></defs>
<use xlink:href="#star" class="st0"/><use href="#star" transform="scale(0.5)" fill="url(#grad)" filter="url(#none)"/>
<text x="50" y="95" text-anchor="middle">示例 &amp; 测试 &#x4E2D;</text>
<a href="#star"><title>星</title></a>
<animate attributeName="opacity" from="0" to="1" dur="1s"/>
</svg>`,
  ],
  [
    'an Inkscape drawing with its metadata',
    `<svg ${NS} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" width="10" height="10">
  <sodipodi:namedview id="base" inkscape:zoom="1"/>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format><dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/></cc:Work></rdf:RDF></metadata>
  <g inkscape:label="Data: 图层 1" inkscape:groupmode="layer"><rect width="10" height="10" style="fill:#9b1c1c;stroke:none"/></g>
</svg>`,
  ],
];

describe('inspectSvg: clean SVGs pass', () => {
  it.each(clean)('%s', (_name, text) => {
    expect(inspectSvg(Buffer.from(text, 'utf8'))).toEqual([]);
  });
});

describe('SEC-03 through the load: a logo and an item image, named with the file and line', () => {
  let root: string;
  let diagnostics: Diagnostic[];
  beforeAll(async () => {
    root = copyPlatform('mini');
    writeText(root, 'sites/alpha/assets/logo.svg', `<?xml version="1.0"?>\n${svg('\n<script>fetch("/")</script>', ' onload="alert(1)"')}`);
    writeText(root, 'content/alpha/policies/open-data-rules/chart.svg', svg('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>'));
    diagnostics = (await loadPlatform(root)).get('alpha')!.diagnostics.filter((d) => d.ruleId === 'SEC-03');
  });
  afterAll(() => removePlatform(root));

  it('refuses the logo in sites/alpha/assets', () => {
    const d = diagnostics.find((x) => x.file === 'sites/alpha/assets/logo.svg');
    expect(d, diagnostics.map(formatDiagnostic).join('\n')).toMatchObject({ severity: 'error', line: 2 });
    expect(d!.message).toContain('onload');
    expect(d!.message).toContain('<script>（第 3 行）');
    expect(d!.fix).toContain('纯 SVG');
  });

  it('refuses an SVG in an item folder, referenced or not', () => {
    const d = diagnostics.find((x) => x.file === 'content/alpha/policies/open-data-rules/chart.svg');
    expect(d, diagnostics.map(formatDiagnostic).join('\n')).toMatchObject({ severity: 'error', line: 1 });
    expect(d!.message).toContain('foreignObject');
  });
});
