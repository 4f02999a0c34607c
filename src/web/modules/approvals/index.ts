/** The approvals web module's door for other modules: the approval trail shown on a document's detail page. */
export { ApprovalTrail } from './components/approval-trail';
