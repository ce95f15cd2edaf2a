// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a zod schema: the required fields,
// the types of the optional ones, and the rule that an item has content_html or content_text.
// Strict objects: govsite uses no extensions (which would start with an underscore).
import { z } from 'zod';

const rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);
const url = z.url();

const author = z
  .strictObject({ name: z.string().optional(), url: url.optional(), avatar: url.optional() })
  .refine((a) => a.name !== undefined || a.url !== undefined || a.avatar !== undefined, 'an author needs name, url or avatar');

const attachment = z.strictObject({
  url,
  mime_type: z.string(),
  title: z.string().optional(),
  size_in_bytes: z.number().optional(),
  duration_in_seconds: z.number().optional(),
});

const item = z
  .strictObject({
    id: z.string().min(1),
    url: url.optional(),
    external_url: url.optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: url.optional(),
    banner_image: url.optional(),
    date_published: rfc3339.optional(),
    date_modified: rfc3339.optional(),
    authors: z.array(author).optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().optional(),
    attachments: z.array(attachment).optional(),
  })
  .refine((i) => i.content_html !== undefined || i.content_text !== undefined, 'an item needs content_html or content_text');

export const jsonFeedSchema = z.strictObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: url.optional(),
  feed_url: url.optional(),
  description: z.string().optional(),
  user_comment: z.string().optional(),
  next_url: url.optional(),
  icon: url.optional(),
  favicon: url.optional(),
  authors: z.array(author).optional(),
  language: z.string().optional(),
  expired: z.boolean().optional(),
  hubs: z.array(z.strictObject({ type: z.string(), url })).optional(),
  items: z.array(item),
});
