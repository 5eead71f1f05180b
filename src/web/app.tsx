import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './components/language-switcher.js';
import { HomePage } from './pages/home-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { Link } from './router/link.js';
import { hrefOf, type Route } from './router/route.js';
import { useRoute } from './router/use-route.js';

// Pages that carry the counting module or the record's cryptography load when first
// visited, so that the landing page stays light on a phone.
const PracticePage = lazy(() =>
  import('./pages/practice-page.js').then((m) => ({ default: m.PracticePage })),
);
const CountPage = lazy(() =>
  import('./pages/count-page.js').then((m) => ({ default: m.CountPage })),
);
const RecordPage = lazy(() =>
  import('./pages/record-page.js').then((m) => ({ default: m.RecordPage })),
);

interface Page {
  readonly path: string;
  readonly nav: 'home' | 'practice' | 'count' | 'record';
  readonly render: (route: Route) => ReactNode;
}

/** Every page, by path. New pages (the organisation's councils, motions…) plug in here. */
const PAGES: readonly Page[] = [
  { path: '/', nav: 'home', render: () => <HomePage /> },
  { path: '/practice', nav: 'practice', render: () => <PracticePage /> },
  { path: '/count', nav: 'count', render: () => <CountPage /> },
  { path: '/record', nav: 'record', render: (route) => <RecordPage route={route} /> },
];

/**
 * The app shell: header with the main navigation and the language menu, the page, and
 * the footer. On each change of page the main region takes focus, so that keyboard and
 * screen-reader users start at the new page's content, and the title names the page.
 */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const page = PAGES.find((p) => p.path === route.path);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    const title = page ? t(`nav.${page.nav}`) : t('notFound.title');
    document.title = `${title} · ${t('app.name')}`;
  }, [page, t]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when the page changes, which is route.path.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [route.path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <div className="header__inner">
          <Link className="brand" href={hrefOf('/')}>
            <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" fill="#8f1d1d" />
              <path
                d="M8 22h16M10 18h12M12 14h8M14 10h4"
                stroke="#fff"
                strokeWidth="2.5"
                strokeLinecap="round"
              />
            </svg>
            {t('app.name')}
          </Link>
          <nav className="nav" aria-label={t('app.mainNavigation')}>
            <ul className="nav__list">
              {PAGES.map((p) => (
                <li key={p.path}>
                  <Link
                    className="nav__link"
                    href={hrefOf(p.path)}
                    aria-current={p === page ? 'page' : undefined}
                  >
                    {t(`nav.${p.nav}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          {page ? page.render(route) : <NotFoundPage />}
        </Suspense>
      </main>
      <footer className="footer">
        <div className="footer__inner">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </div>
  );
}
