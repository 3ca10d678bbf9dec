import { DashboardPage } from '../features/dashboard/index.js';
import { DesignerPage } from '../features/designer/index.js';
import { PipelinesPage } from '../features/pipelines-list/index.js';
import { navigate, useRoute } from './router.js';

/** The designer app: the pipelines list at "/", one pipeline at "/pipelines/:id", its charts at "/dashboard/:id". */
export function App() {
  const route = useRoute();
  if (route.page === 'designer') {
    return <DesignerPage key={route.pipelineId} pipelineId={route.pipelineId} onBack={() => navigate({ page: 'pipelines' })} />;
  }
  if (route.page === 'dashboard') return <DashboardPage key={route.pipelineId} pipelineId={route.pipelineId} />;
  return <PipelinesPage onOpen={(pipelineId) => navigate({ page: 'designer', pipelineId })} />;
}
