import { notFound } from '../../../shared/errors.js';
import type { ImportEntity } from './columns.rules.js';
import type { EntityImporter } from './importer.js';
import { contactImporter } from './imports.contacts.js';
import { customerImporter } from './imports.customers.js';
import { leadImporter } from './imports.leads.js';

const importers: Partial<Record<ImportEntity, EntityImporter>> = { customers: customerImporter, contacts: contactImporter, leads: leadImporter };

/** The importer of an entity; one not (yet) importable is not found. */
export function importerFor(entity: ImportEntity): EntityImporter {
  const importer = importers[entity];
  if (!importer) throw notFound('importEntity');
  return importer;
}
