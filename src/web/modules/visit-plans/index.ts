/** What other web modules use from visit plans: the route table entries. */
export { visitPlanRoutes } from './routes';
