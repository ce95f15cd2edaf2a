// The Hugo baseline of `npm run bench`: Debian's `hugo` over the same items as Markdown (the
// demo bodies use no MDX components, so each .mdx file is a valid .md file), with one trivial
// layout. Item folders stay page bundles, so images and attachments are published beside them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Installs Debian's hugo when missing and this process may (root, as .ci/run does for chromium). */
export function ensureHugo(): string | undefined {
  const found = () => spawnSync('hugo', ['version'], { encoding: 'utf8' });
  let probe = found();
  if (probe.status !== 0 && process.getuid?.() === 0) {
    console.log('hugo is missing: apt-get install -y hugo');
    spawnSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'inherit' });
    probe = found();
  }
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

export function writeHugoBaseline(platformRoot: string, dir: string): void {
  const content = path.join(dir, 'content');
  cpSync(path.join(platformRoot, 'content'), content, { recursive: true });
  for (const entry of readdirSync(content, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.mdx')) {
      const file = path.join(entry.parentPath, entry.name);
      renameSync(file, file.replace(/\.mdx$/, '.md'));
    }
  }
  mkdirSync(path.join(dir, 'layouts', '_default'), { recursive: true });
  writeFileSync(
    path.join(dir, 'hugo.toml'),
    `baseURL = "https://example.gov.cn/"
languageCode = "zh-CN"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = false
`,
  );
  const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1>${body}</body></html>
`;
  writeFileSync(path.join(dir, 'layouts', '_default', 'single.html'), page('<p>{{ .Params.pubDate }} {{ .Params.source }}</p>{{ .Content }}'));
  writeFileSync(path.join(dir, 'layouts', '_default', 'list.html'), page('<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'));
}

/** The build command: output in public/, Hugo's cache inside the folder so a cold build can clear it. */
export function hugoCommand(dir: string): string[] {
  return ['hugo', '--source', dir, '--destination', path.join(dir, 'public'), '--cacheDir', path.join(dir, '.hugo-cache'), '--quiet'];
}

export function hugoBaselineCaches(dir: string): string[] {
  return ['public', 'resources', '.hugo-cache', '.hugo_build.lock'].map((name) => path.join(dir, name));
}

export function hugoBaselineItem(dir: string, relativeToContent: string): string {
  return path.join(dir, 'content', relativeToContent.replace(/\.mdx$/, '.md'));
}
