import { DashboardPage } from '../features/dashboard/index.js';
import { DesignerPage } from '../features/designer/index.js';
import { PipelinesPage } from '../features/pipelines-list/index.js';
import { TopicsPage } from '../features/topic-browser/index.js';
import { navigate, useRoute } from './router.js';

/** The designer app: the pipelines list at "/", one pipeline at "/pipelines/:id", its charts at "/dashboard/:id", topics at "/topics[/:name]". */
export function App() {
  const route = useRoute();
  if (route.page === 'designer') {
    return <DesignerPage key={route.pipelineId} pipelineId={route.pipelineId} onBack={() => navigate({ page: 'pipelines' })} />;
  }
  if (route.page === 'topics') {
    return (
      <TopicsPage topic={route.topic} onOpenTopic={(topic) => navigate({ page: 'topics', topic })} onOpenPipelines={() => navigate({ page: 'pipelines' })} />
    );
  }
  if (route.page === 'dashboard') return <DashboardPage key={route.pipelineId} pipelineId={route.pipelineId} />;
  return <PipelinesPage onOpen={(pipelineId) => navigate({ page: 'designer', pipelineId })} />;
}
