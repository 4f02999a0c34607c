import { Flex, Spin } from 'antd';
import { Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { useAccess } from './platform/access/access';
import { RequireAccess } from './platform/access/require-access';
import { RequireSession } from './platform/access/require-session';
import { ForbiddenPage } from './platform/errors/forbidden-page';
import { NotFoundPage } from './platform/errors/not-found-page';
import { RouteError } from './platform/errors/route-error';
import { AppLayout } from './platform/layout/app-layout';
import { LanguageSwitch } from './platform/layout/language-switch';
import type { AppRoute } from './platform/routing/route-types';
import { activityRoutes } from './modules/activities/routes';
import { approvalRoutes } from './modules/approvals/routes';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { customerRoutes } from './modules/customers/routes';
import { customFieldRoutes } from './modules/custom-fields/routes';
import { GlobalSearch } from './modules/search/components/global-search';
import { UserMenu } from './modules/auth/components/user-menu';
import { homeRoutes } from './modules/home/routes';
import { importRoutes } from './modules/imports/routes';
import { leadRoutes } from './modules/leads/routes';
import { motRoutes } from './modules/mot/routes';
import { NotificationBell } from './modules/notifications/components/notification-bell';
import { notificationRoutes } from './modules/notifications/routes';
import { forecastRoutes } from './modules/forecasts/routes';
import { opportunityRoutes } from './modules/opportunities/routes';
import { productRoutes } from './modules/products/routes';
import { orgRoutes } from './modules/org/routes';
import { receptionRoutes } from './modules/reception/routes';
import { reportRoutes } from './modules/reports/routes';
import { settingsRoutes } from './modules/settings/routes';
import { visitPlanRoutes } from './modules/visit-plans/routes';
import { creditRoutes } from './modules/credit/routes';
import { penaltyRoutes } from './modules/penalties/routes';
import { dunningRoutes } from './modules/dunning/routes';
import { paymentRoutes } from './modules/payments/routes';
import { invoiceRoutes } from './modules/invoices/routes';
import { shipmentRoutes } from './modules/shipments/routes';
import { contractRoutes } from './modules/contracts/routes';
import { orderRoutes } from './modules/orders/routes';
import { printTemplateRoutes } from './modules/print-templates/routes';
import { quoteRoutes } from './modules/quotes/routes';

/** The route table: every module's routes.tsx, in menu order. */
export const appRoutes: AppRoute[] = [
  ...homeRoutes, ...activityRoutes, ...visitPlanRoutes, ...approvalRoutes, ...leadRoutes, ...customerRoutes, ...opportunityRoutes, ...forecastRoutes, ...productRoutes, ...quoteRoutes, ...contractRoutes, ...orderRoutes, ...creditRoutes, ...paymentRoutes, ...penaltyRoutes, ...dunningRoutes, ...invoiceRoutes, ...shipmentRoutes, ...motRoutes, ...receptionRoutes, ...reportRoutes, ...importRoutes, ...settingsRoutes, ...printTemplateRoutes, ...customFieldRoutes, ...orgRoutes, ...auditRoutes, ...notificationRoutes, ...authRoutes,
];

function HeaderActions() {
  const { can } = useAccess();
  return (
    <>
      {can('search') ? <GlobalSearch /> : null}
      {can('notification:read') ? <NotificationBell /> : null}
      <LanguageSwitch compact />
      <UserMenu />
    </>
  );
}

const pageFallback = <Flex justify="center" style={{ padding: 48 }}><Spin /></Flex>;

function toRouteObject(route: AppRoute): RouteObject {
  const Page = route.page;
  return {
    path: route.path,
    errorElement: <RouteError />,
    element: route.isPublic
      ? <Suspense fallback={pageFallback}><Page /></Suspense>
      : <RequireAccess permission={route.access}><Page /></RequireAccess>,
  };
}

export function createAppRouter() {
  const inLayout = appRoutes.filter((r) => !r.isPublic);
  return createBrowserRouter([
    ...appRoutes.filter((r) => r.isPublic).map(toRouteObject),
    {
      element: <RequireSession><AppLayout routes={inLayout} headerActions={<HeaderActions />} /></RequireSession>,
      errorElement: <RouteError />,
      children: [
        ...inLayout.map(toRouteObject),
        { path: '/403', element: <ForbiddenPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
