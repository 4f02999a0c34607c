/** The penalties web module (回款责任扣款): its route table is assembled in src/web/router.tsx. */
export { penaltyRoutes } from './routes';
