import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { resources } from './locales';
import { createQueryClient } from './platform/http/query-client';
import { initI18n } from './platform/i18n/i18n';
import './platform/layout/global.css';
import { createAppRouter } from './router';

void initI18n(resources).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={createQueryClient()} router={createAppRouter()} />
    </StrictMode>,
  );
});
