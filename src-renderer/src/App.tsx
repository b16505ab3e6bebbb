import { AppShell } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { AppHeader } from './components/AppHeader';
import { AppNavbar, DASHBOARD_HOTKEY, SEGMENTS_HOTKEY } from './components/AppNavbar';
import { ConnectionBanner } from './components/ConnectionBanner';
import { GlobalSearch } from './components/GlobalSearch';
import { CampaignPage } from './pages/campaigns/CampaignPage';
import { CampaignsPage } from './pages/campaigns/CampaignsPage';
import { CustomerPage } from './pages/customer/CustomerPage';
import { FactsPage } from './pages/facts/FactsPage';
import { CustomersPage } from './pages/customers/CustomersPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { StartPage } from './pages/dashboard/StartPage';
import { InboxPage } from './pages/inbox/InboxPage';
import { ImportPage } from './pages/import/ImportPage';
import { RunPage } from './pages/import/RunPage';
import { JobsPage } from './pages/jobs/JobsPage';
import { ModelsPage } from './pages/models/ModelsPage';
import { SegmentsPage } from './pages/segments/SegmentsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { PrivacyPage } from './pages/privacy/PrivacyPage';
import { AuditPage } from './pages/audit/AuditPage';
import { TasksPage } from './pages/tasks/TasksPage';
import { HEADER_HEIGHT } from './lib/layout';
import { useLiveChanges } from './hooks/useLiveChanges';

export function App() {
  useLiveChanges();
  const [, navigate] = useLocation();
  // Like Ctrl/Cmd+K for search: one chord to the overview from anywhere (not while typing).
  useHotkeys([
    [DASHBOARD_HOTKEY, () => navigate('/dashboard')],
    [SEGMENTS_HOTKEY, () => navigate('/segments')],
  ]);
  return (
    <AppShell header={{ height: HEADER_HEIGHT }} navbar={{ width: 208, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Navbar>
        <AppNavbar />
      </AppShell.Navbar>
      <AppShell.Main>
        <ConnectionBanner />
        <Switch>
          <Route path="/" component={StartPage} />
          <Route path="/dashboard" component={DashboardPage} />
          <Route path="/customers" component={CustomersPage} />
          <Route path="/inbox" component={InboxPage} />
          <Route path="/customers/:id">{(params) => <CustomerPage key={params.id} id={Number(params.id)} />}</Route>
          <Route path="/segments" component={SegmentsPage} />
          <Route path="/tasks" component={TasksPage} />
          <Route path="/campaigns" component={CampaignsPage} />
          <Route path="/campaigns/:id">{(params) => <CampaignPage key={params.id} id={Number(params.id)} />}</Route>
          <Route path="/facts" component={FactsPage} />
          <Route path="/import" component={ImportPage} />
          <Route path="/import/runs/:id">{(params) => <RunPage key={params.id} id={Number(params.id)} />}</Route>
          <Route path="/models" component={ModelsPage} />
          <Route path="/jobs" component={JobsPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route path="/privacy" component={PrivacyPage} />
          <Route path="/audit" component={AuditPage} />
          <Route>
            <Redirect to="/customers" replace />
          </Route>
        </Switch>
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}
