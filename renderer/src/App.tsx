import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Flex, Spin } from 'antd';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider } from './session/SessionProvider';
import { RequireAuth } from './session/RequireAuth';
import { LocaleProvider } from './components/LocaleProvider';
import { FullPageSpin } from './components/FullPageSpin';
import { LoginPage } from './pages/LoginPage';

/**
 * The login page is in the first chunk; everything behind it — the frame and each page with its
 * libraries (AG Grid, Leaflet, …) — is a chunk of its own, fetched when first opened. A cold start then
 * loads only what the login page shows.
 */
function lazyNamed<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AppLayout = lazyNamed(() => import('./components/AppLayout'), 'AppLayout');
const DashboardPage = lazyNamed(() => import('./pages/DashboardPage'), 'DashboardPage');
const DivisionsPage = lazyNamed(() => import('./pages/DivisionsPage'), 'DivisionsPage');
const SettingsPage = lazyNamed(() => import('./pages/SettingsPage'), 'SettingsPage');
const NotFoundPage = lazyNamed(() => import('./pages/NotFoundPage'), 'NotFoundPage');
const QueuePage = lazyNamed(() => import('./pages/queue/QueuePage'), 'QueuePage');
const IntakePage = lazyNamed(() => import('./pages/queue/intake/IntakePage'), 'IntakePage');
const CasePage = lazyNamed(() => import('./pages/case/CasePage'), 'CasePage');
const MapPage = lazyNamed(() => import('./pages/map/MapPage'), 'MapPage');
const DirectoryPage = lazyNamed(() => import('./pages/directory/DirectoryPage'), 'DirectoryPage');
const SetupPage = lazyNamed(() => import('./pages/setup/SetupPage'), 'SetupPage');
const AccountsPage = lazyNamed(() => import('./pages/accounts/AccountsPage'), 'AccountsPage');
const SweepTablePage = lazyNamed(() => import('./pages/stats/SweepTablePage'), 'SweepTablePage');
const WallPage = lazyNamed(() => import('./pages/wall/WallPage'), 'WallPage');

/** A page's chunk loading: a spinner in the content area, the frame around it stays. */
function Page({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      }
    >
      {children}
    </Suspense>
  );
}

/**
 * Hash routes (#/dashboard, #/divisions, …): they work the same from app://console/ and from a plain
 * HTTP server, with no server-side routing.
 */
export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <HashRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/setup" element={<Suspense fallback={<FullPageSpin />}><SetupPage /></Suspense>} />
            {/* The wall is a kiosk view: full screen, no frame, no menus. */}
            <Route
              path="/wall"
              element={
                <RequireAuth>
                  <Suspense fallback={<FullPageSpin />}>
                    <WallPage />
                  </Suspense>
                </RequireAuth>
              }
            />
            <Route
              element={
                <RequireAuth>
                  <Suspense fallback={<FullPageSpin />}>
                    <AppLayout />
                  </Suspense>
                </RequireAuth>
              }
            >
              <Route index element={<Navigate to="/dashboard" replace />} />
              <Route path="dashboard" element={<Page><DashboardPage /></Page>} />
              <Route path="divisions" element={<Page><DivisionsPage /></Page>} />
              <Route path="map" element={<Page><MapPage /></Page>} />
              <Route path="queue" element={<Page><QueuePage /></Page>} />
              <Route path="queue/new" element={<Page><IntakePage /></Page>} />
              <Route path="cases/:id" element={<Page><CasePage /></Page>} />
              <Route path="directory" element={<Page><DirectoryPage /></Page>} />
              <Route path="settings" element={<Page><SettingsPage /></Page>} />
              <Route path="accounts" element={<Page><AccountsPage /></Page>} />
              <Route path="stats" element={<Page><SweepTablePage /></Page>} />
              <Route path="*" element={<Page><NotFoundPage /></Page>} />
            </Route>
          </Routes>
        </HashRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
