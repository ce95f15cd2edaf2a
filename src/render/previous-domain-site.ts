// SITE-09: a domain change puts a notice on the old domain. For a site that lists
// `lifecycle.previousDomains`, the build writes dist/<siteId>--previous-domain/ beside the site's
// own output: index.html and 404.html (the same notice, so every old link lands on it) and
// notice.css. The web server serves this folder on every old domain for as long as the domain
// is kept (docs/editing.md). It is replaced whole like a site's output (PUB-03) and removed when no
// old domain is listed any more. Site ids cannot contain “--”, so the folder never meets a site's.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chineseDate } from '../rules/site/lifecycle-dates.ts';
import { siteUrl } from '../rules/site/lifecycle-notices.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import { swapIntoPlace } from '../publish/swap-directory.ts';
import { writeIntegrityManifest } from '../publish/integrity-manifest.ts';

export function previousDomainDir(outRoot: string, siteId: string): string {
  return path.join(outRoot, `${siteId}--previous-domain`);
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CSS = (primary: string) => `:root{font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC',sans-serif;line-height:1.75;color:#1f2328;background:#fff}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;overflow-wrap:anywhere}
a{color:${primary}}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1f2328}
header{background:${primary};color:#fff}
header p,main,footer div{max-width:48rem;margin:0 auto;padding:0 1rem}
header p{padding-top:1.25rem;padding-bottom:1.25rem;font-size:clamp(1.375rem,4vw,2rem);font-weight:700;letter-spacing:.08em;line-height:1.3}
main{padding-top:1.5rem;padding-bottom:3rem}
article{padding:1.25rem 1.5rem;border:2px solid ${primary};border-radius:.25rem;font-size:1.125rem}
h1{font-size:1.5rem;line-height:1.4;text-align:center;margin:0 0 1rem}
.sign{text-align:right;color:#57606a}
footer{background:#2b2f33;color:#f0f0f0;font-size:.9375rem;padding:1.5rem 0}
footer p{margin:.25rem 0}
@media (max-width:40rem){article{padding:.75rem}}
@media print{header,footer{display:none}article{border-color:#000}a::after{content:''}}
`;

function page(config: SiteConfig, missingPage: boolean): string {
  const previous = config.lifecycle.previousDomains ?? [];
  const url = siteUrl(config);
  const latest = previous.map((p) => p.until).sort().at(-1)!;
  const title = `关于${config.name}网站域名变更的公告`;
  const stopped = previous.map((p) => `原域名 ${escape(p.domain)} 自<time datetime="${p.until}">${chineseDate(p.until)}</time>起停止使用`).join('；');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<meta name="SiteName" content="${escape(config.name)}">
<meta name="SiteDomain" content="${escape(config.domain)}">
<meta name="SiteIDCode" content="${escape(config.siteCode)}">
<link rel="canonical" href="${url}">
<link rel="stylesheet" href="/notice.css">
</head>
<body>
<header role="banner"><p>${escape(config.name)}</p></header>
<main id="main">
${missingPage ? '<p><strong>您访问的网址已随网站迁至新域名。</strong></p>\n' : ''}<article aria-labelledby="notice-title">
<h1 id="notice-title">${escape(title)}</h1>
<p>${escape(config.name)}网站已启用新域名 <a href="${url}">${escape(config.domain)}</a>。${stopped}。</p>
<p>请访问新网址 <a href="${url}">${url}</a>，并更新您收藏的网址。原网址中的路径不变：把地址中的原域名换成 ${escape(config.domain)}，即可打开同一页面。</p>
<p class="sign">${escape(config.organizer)}<br><time datetime="${latest}">${chineseDate(latest)}</time></p>
</article>
</main>
<footer role="contentinfo"><div>
<p>主办单位：${escape(config.organizer)}</p>
<p>联系电话：${escape(config.contact.phone)}</p>
<p>网站标识码：${escape(config.siteCode)}</p>
</div></footer>
</body>
</html>
`;
}

/** Writes (or, without previous domains, removes) the old domains' notice site of one site. */
export async function publishPreviousDomainNotice(outRoot: string, siteId: string, config: SiteConfig): Promise<void> {
  const target = previousDomainDir(outRoot, siteId);
  if (!config.lifecycle.previousDomains?.length) {
    if (existsSync(target)) await rm(target, { recursive: true, force: true });
    return;
  }
  const staging = path.join(outRoot, `.building-${siteId}--previous-domain`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await writeFile(path.join(staging, 'index.html'), page(config, false));
  await writeFile(path.join(staging, '404.html'), page(config, true));
  await writeFile(path.join(staging, 'notice.css'), CSS(config.colors.primary));
  // PUB-02: published like a site (npm run publish), so checked like one.
  await writeIntegrityManifest(staging, `${siteId}--previous-domain`);
  await swapIntoPlace(staging, target);
}
