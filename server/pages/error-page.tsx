// A plain error page without the app shell (bad period, unknown service): it needs nothing the
// request failed to give.
import { commonMessages, type Lang } from './i18n.ts';

export function ErrorPage({ lang, status, message }: { lang: Lang; status: 400 | 404; message: string }) {
  const t = commonMessages(lang);
  const heading = status === 404 ? t.notFound : t.badRequest;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${heading} · ${t.appName}`}</title>
      </head>
      <body>
        <main>
          <h1>{heading}</h1>
          <p>{message}</p>
          <p>
            <a href={`/?lang=${lang}`}>{t.navOverview}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
