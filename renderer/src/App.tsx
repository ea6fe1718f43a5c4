import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider } from './session/SessionProvider';
import { RequireAuth } from './session/RequireAuth';
import { LocaleProvider } from './components/LocaleProvider';
import { AppLayout } from './components/AppLayout';
import { LoginPage } from './pages/LoginPage';
import { DashboardPage } from './pages/DashboardPage';
import { DivisionsPage } from './pages/DivisionsPage';
import { SettingsPage } from './pages/SettingsPage';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { QueuePage } from './pages/queue/QueuePage';
import { IntakePage } from './pages/queue/intake/IntakePage';
import { CasePage } from './pages/case/CasePage';
import { MapPage } from './pages/map/MapPage';
import { DirectoryPage } from './pages/directory/DirectoryPage';

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
            <Route
              element={
                <RequireAuth>
                  <AppLayout />
                </RequireAuth>
              }
            >
              <Route index element={<Navigate to="/dashboard" replace />} />
              <Route path="dashboard" element={<DashboardPage />} />
              <Route path="divisions" element={<DivisionsPage />} />
              <Route path="map" element={<MapPage />} />
              <Route path="queue" element={<QueuePage />} />
              <Route path="queue/new" element={<IntakePage />} />
              <Route path="cases/:id" element={<CasePage />} />
              <Route path="directory" element={<DirectoryPage />} />
              <Route path="wall" element={<ComingSoonPage feature="wall" />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </HashRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
