// SEC-01 / SEC-07: front matter `image:` (题图) is an image file of the item's folder, written
// `./cover.jpg`. The page template names it in og:image under the item's URL, and the value was
// accepted as `../../etc/hostname`. Whether the file exists is not asked here (a missing cover is
// a broken share image, not a hole); a link on the way is refused.
import { checkUrl } from './url-policy.ts';
import { IMAGE_EXTENSIONS, extensionOf, lstatInside, parseReference, quoteReference, symlinkRefusal } from './content-paths.ts';

export interface FrontImageProblem {
  ruleId: 'SEC-01' | 'SEC-07';
  message: string;
  fix: string;
}

const FIX = '题图放进本条目的目录（与 index.mdx 同一目录），这里写 image: ./图片文件名.jpg';

export function frontImageProblem(value: string, itemDir: string): FrontImageProblem | undefined {
  const parsed = parseReference(value, { urls: true });
  const shown = quoteReference(value);
  if (parsed.kind === 'url') {
    // javascript:, data:… are refused by SEC-02 (src/schema/fields.ts); a web address is not a file either.
    return checkUrl(value).ok ? { ruleId: 'SEC-01', message: `题图“${shown}”是网址：题图须是本条目目录中的图片文件`, fix: FIX } : undefined;
  }
  if (parsed.kind === 'refused') return { ruleId: parsed.ruleId, message: `题图“${shown}”不可用：${parsed.reason}`, fix: parsed.ruleId === 'SEC-01' ? FIX : parsed.fix };
  if (parsed.kind !== 'file') return undefined;
  if (!IMAGE_EXTENSIONS.has(extensionOf(parsed.path))) {
    return { ruleId: 'SEC-01', message: `题图“${shown}”不是图片文件（可用 .jpg、.png、.webp、.avif、.gif 或 .svg）`, fix: FIX };
  }
  const state = lstatInside(itemDir, parsed.path);
  if (state.state === 'symlink') {
    const refusal = symlinkRefusal(value, state.at);
    return { ruleId: refusal.ruleId, message: `题图${refusal.reason}`, fix: refusal.fix };
  }
  return undefined;
}
