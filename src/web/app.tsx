import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { markSignedOut } from './platform/access/session';
import { onUnauthenticated } from './platform/http/http-client';
import type { createAppRouter } from './router';

const fontFamily = "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

/** Any call that finds the session gone signs the UI out; the guard then sends the user to the login page. */
function SessionWatcher() {
  const queryClient = useQueryClient();
  useEffect(() => onUnauthenticated(() => markSignedOut(queryClient)), [queryClient]);
  return null;
}

export function App({ queryClient, router }: { queryClient: QueryClient; router: ReturnType<typeof createAppRouter> }) {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN} theme={{ token: { fontFamily, colorPrimary: '#1677ff', borderRadius: 6 } }}>
        <AntdApp>
          <SessionWatcher />
          <RouterProvider router={router} />
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
