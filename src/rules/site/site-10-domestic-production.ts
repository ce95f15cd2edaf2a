// SITE-10: production servers are not abroad (晋 第十五条; 陕 第二十四条; 滇 四（四）). The production
// target in site.yaml (deploy.production) must be declared domestic (`domestic: true`), and may
// not be a hosting service that serves from abroad, such as a global CDN: those are for previews
// (deploy.preview) only. `npm run publish` publishes to this target, so a site that breaks the
// rule cannot be built or published (the rule is an error). A site with no deploy section has
// declared no domestic production server at all: an error too, as the catalogue says (issue 25).
// SEC-06 is checked here too, because it needs the site's id: the production folder is named after
// the site, so that no site can publish over another's live copy (src/security/server-values.ts).
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { SERVER_VALUE_RULE, targetOwnerProblem } from '../../security/server-values.ts';
import type { SiteRule } from './index.ts';
import { report } from './support.ts';

const RULE = 'SITE-10';

/** Hosting services that serve from outside China (or from anywhere): previews only. */
const OVERSEAS_HOSTS: Array<[RegExp, string]> = [
  [/netlify/i, 'Netlify'],
  [/vercel/i, 'Vercel'],
  [/github\.io|github[- ]?pages/i, 'GitHub Pages'],
  [/cloudflare|pages\.dev|workers\.dev/i, 'Cloudflare'],
  [/cloudfront|amazonaws\.com|\bs3:\/\//i, 'Amazon Web Services'],
  [/firebase|web\.app\b|appspot/i, 'Google Firebase'],
  [/azurestaticapps|azurewebsites|azureedge/i, 'Microsoft Azure'],
  [/fastly|akamai/i, '全球 CDN'],
  [/heroku|render\.com|fly\.dev|surge\.sh/i, '境外托管服务'],
];

export function overseasHost(target: string): string | undefined {
  return OVERSEAS_HOSTS.find(([pattern]) => pattern.test(target))?.[1];
}

export const site10DomesticProduction: SiteRule = (context) => {
  const { deploy } = context.site.config;
  if (!deploy) {
    return [
      report(context, RULE, ['deploy'], {
        message: '没有声明生产发布目标（deploy.production），无法确认网站部署在境内服务器上：政府网站的生产服务器必须在境内',
        fix: '在 site.yaml 中添加：\ndeploy:\n  production:\n    target: /srv/www/<站点标识>\n    domestic: true',
        at: ['name'],
      }),
    ];
  }
  const { production } = deploy;
  const found: Diagnostic[] = [];
  const service = overseasHost(production.target);
  if (service) {
    found.push(
      report(context, RULE, ['deploy', 'production', 'target'], {
        message: `生产发布目标“${production.target}”是 ${service}，服务器在境外或遍布全球，政府网站的生产环境不能放在这里`,
        fix: `把 ${service} 改写到 deploy.preview（只用于预览），生产发布目标改为境内服务器上的目录，例如 target: /srv/www/${context.site.id}，并写 domestic: true`,
      }),
    );
  }
  const owner = targetOwnerProblem(context.site.id, production.target);
  if (owner) {
    const parent = production.target.replace(/\/+$/, '').replace(/\/[^/]*$/, '') || '/srv/www';
    found.push(
      report(context, SERVER_VALUE_RULE, ['deploy', 'production', 'target'], {
        message: `生产发布目标“${production.target}”的${owner}`,
        fix: `改为 target: ${parent}/${context.site.id}（服务器上的目录同时改名，再重新生成 nginx 配置）`,
      }),
    );
  }
  if (production.domestic !== true) {
    found.push(
      report(context, RULE, ['deploy', 'production', 'domestic'], {
        message:
          production.domestic === false
            ? `生产发布目标“${production.target}”声明为境外服务器（domestic: false），政府网站的生产服务器必须在境内`
            : `生产发布目标“${production.target}”没有声明是境内服务器`,
        fix: '确认服务器在中国境内后，在 deploy.production 下写 domestic: true（可在 host 中写明机房，如“示例省政务云”）；境外主机和全球 CDN 只能写在 deploy.preview 下用于预览',
        at: production.domestic === undefined ? ['deploy', 'production'] : undefined,
      }),
    );
  }
  return found;
};
