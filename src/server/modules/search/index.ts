/**
 * The search module's only door: the search box (domain §16). The search keys every write path
 * stores (`searchKeysFor`, in the platform so customers, contacts, leads and imports share it) are
 * re-exported here.
 */
import { registerGrants } from '../../platform/authz/permissions.js';
import { searchGrants } from './search.permissions.js';

registerGrants(searchGrants);

export { searchRoutes } from './search.routes.js';
export { searchKeysFor } from '../../platform/search/search-keys.rules.js';
