import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { HomePage } from './features/home/HomePage.tsx';
// The organisers' pages: one chunk with their own routes and strings (enOrganise.ts).
import { OrganiseRoutes } from './features/organise/lazy.ts';
import { Loading } from './ui/Page.tsx';

// The editor (ProseMirror, Yjs, Socket.IO) is most of the bundle; the home and join pages do
// not need it, so it loads with the first page that does. Every page but home is its own chunk,
// so the watch page (the public's, on any phone) carries no other page's code or strings.
const JoinPage = lazy(() => import('./features/join/JoinPage.tsx').then((m) => ({ default: m.JoinPage })));
const AssemblyPage = lazy(() =>
  import('./features/assembly/AssemblyPage.tsx').then((m) => ({ default: m.AssemblyPage })),
);
const ConsolePage = lazy(() => import('./features/console/ConsolePage.tsx').then((m) => ({ default: m.ConsolePage })));
const PresentPage = lazy(() => import('./features/present/PresentPage.tsx').then((m) => ({ default: m.PresentPage })));
const WatchPage = lazy(() => import('./features/watch/WatchPage.tsx').then((m) => ({ default: m.WatchPage })));
const PrintCharterPage = lazy(() =>
  import('./features/record/PrintCharterPage.tsx').then((m) => ({ default: m.PrintCharterPage })),
);
const AuditPage = lazy(() => import('./features/record/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const MinutesPage = lazy(() => import('./features/record/MinutesPage.tsx').then((m) => ({ default: m.MinutesPage })));
const PassportPage = lazy(() =>
  import('./features/passport/PassportPage.tsx').then((m) => ({ default: m.PassportPage })),
);
const ReportPage = lazy(() => import('./features/report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));

function PageLoading() {
  const { t } = useTranslation();
  return <Loading label={t('app.loading')} />;
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/join" element={<JoinPage />} />
          <Route path="/assembly/*" element={<AssemblyPage />} />
          <Route path="/console" element={<ConsolePage />} />
          <Route path="/watch" element={<WatchPage />} />
          <Route path="/present" element={<PresentPage />} />
          <Route path="/charter/print" element={<PrintCharterPage />} />
          <Route path="/record/audit" element={<AuditPage />} />
          <Route path="/record/minutes" element={<MinutesPage />} />
          <Route path="/report" element={<ReportPage />} />
          <Route path="/organise/*" element={<OrganiseRoutes />} />
          <Route path="/passport/:standardId" element={<PassportPage />} />
          <Route path="*" element={<HomePage />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
