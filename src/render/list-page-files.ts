// Every list page of a site, by output file: the column list pages (list-pages.ts) and the pages
// of the 政府信息公开目录 and the 政策文件库 (catalogue-pages.ts, OPEN-03/OPEN-04). A partial render
// keys each (src/incremental/site-keys.ts) and renders again only those whose keys changed; the
// carrying (carry-pages.ts) and the body patch (body-patch.ts) take the others from the published
// output. One list, so that no kind of list page is rendered and carried at once.
import { cataloguePages } from './catalogue-pages.ts';
import { columnListPages } from './list-pages.ts';
import type { SiteData } from './site-data.ts';

export function listPageFiles(data: Pick<SiteData, 'config' | 'items' | 'subjects' | 'library'>): string[] {
  return [...columnListPages(data), ...cataloguePages(data)].map((page) => page.file);
}
