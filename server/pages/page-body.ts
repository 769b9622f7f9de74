// What a view makes of the data its route read: the page's title and the content of its <main>
// (render-page.ts answers with it inside the page shell).
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface PageBody {
  title: string;
  body: Child;
  /** false: a page the period would not change; default true. */
  periodSelector?: boolean;
  status?: ContentfulStatusCode;
}
