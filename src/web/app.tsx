import { lazy, type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './components/language-switcher.js';
import { SessionLinks } from './components/session-links.js';
import type { Messages } from './i18n/locales/en.js';
import { AccountPage } from './pages/account-page.js';
import { FoundPage } from './pages/found-page.js';
import { HomePage } from './pages/home-page.js';
import { JoinPage } from './pages/join-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { CouncilPage } from './pages/org/council-page.js';
import { MotionPage } from './pages/org/motion-page.js';
import { OrgPage } from './pages/org/org-page.js';
import { RecallPage } from './pages/org/recall-page.js';
import { Link } from './router/link.js';
import { matchPath } from './router/match.js';
import { hrefOf, type Route } from './router/route.js';
import { useRoute } from './router/use-route.js';
import { syncServerClock } from './session/server-clock.js';

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
const OrgRecordPage = lazy(() =>
  import('./pages/org/org-record-page.js').then((m) => ({ default: m.OrgRecordPage })),
);
const ElectionPage = lazy(() =>
  import('./pages/org/election-page.js').then((m) => ({ default: m.ElectionPage })),
);

type Params = Readonly<Record<string, string>>;

interface Page {
  readonly path: string;
  /** The page's name in the title (a key of `nav`). */
  readonly nav: keyof Messages['nav'];
  /** Listed in the main navigation. */
  readonly listed?: boolean;
  readonly render: (route: Route, params: Params) => ReactNode;
}

const p = (params: Params, name: string): string => params[name] ?? '';

/** Every page, by path pattern (router/match.ts). */
const PAGES: readonly Page[] = [
  { path: '/', nav: 'home', listed: true, render: () => <HomePage /> },
  { path: '/practice', nav: 'practice', listed: true, render: () => <PracticePage /> },
  { path: '/count', nav: 'count', listed: true, render: () => <CountPage /> },
  { path: '/record', nav: 'record', listed: true, render: (route) => <RecordPage route={route} /> },
  { path: '/login', nav: 'login', render: (route) => <LoginPage route={route} /> },
  { path: '/account', nav: 'account', render: () => <AccountPage /> },
  { path: '/found', nav: 'found', render: () => <FoundPage /> },
  { path: '/join', nav: 'join', render: (route) => <JoinPage route={route} /> },
  { path: '/orgs/:org', nav: 'org', render: (_, a) => <OrgPage org={p(a, 'org')} /> },
  {
    path: '/orgs/:org/record',
    nav: 'orgRecord',
    render: (_, a) => <OrgRecordPage org={p(a, 'org')} />,
  },
  {
    path: '/orgs/:org/councils/:id',
    nav: 'council',
    render: (_, a) => <CouncilPage key={p(a, 'id')} org={p(a, 'org')} id={p(a, 'id')} />,
  },
  {
    path: '/orgs/:org/motions/:id',
    nav: 'motion',
    render: (_, a) => <MotionPage key={p(a, 'id')} org={p(a, 'org')} id={p(a, 'id')} />,
  },
  {
    path: '/orgs/:org/elections/:id',
    nav: 'election',
    render: (_, a) => <ElectionPage key={p(a, 'id')} org={p(a, 'org')} id={p(a, 'id')} />,
  },
  {
    path: '/orgs/:org/recalls/:id',
    nav: 'recall',
    render: (_, a) => <RecallPage key={p(a, 'id')} org={p(a, 'org')} id={p(a, 'id')} />,
  },
];

function findPage(path: string): { page: Page; params: Params } | undefined {
  for (const page of PAGES) {
    const params = matchPath(page.path, path);
    if (params) return { page, params };
  }
  return undefined;
}

/**
 * The app shell: header with the main navigation and the language menu, the page, and
 * the footer. On each change of page the main region takes focus, so that keyboard and
 * screen-reader users start at the new page's content, and the title names the page.
 */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const found = findPage(route.path);
  const page = found?.page;
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
    void syncServerClock();
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
              {PAGES.filter((x) => x.listed).map((x) => (
                <li key={x.path}>
                  <Link
                    className="nav__link"
                    href={hrefOf(x.path)}
                    aria-current={x === page ? 'page' : undefined}
                  >
                    {t(`nav.${x.nav}`)}
                  </Link>
                </li>
              ))}
              <SessionLinks />
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          {found ? found.page.render(route, found.params) : <NotFoundPage />}
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
