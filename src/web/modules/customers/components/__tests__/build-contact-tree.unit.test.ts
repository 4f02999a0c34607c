import { describe, expect, it } from 'vitest';
import { buildContactTree, reportsBelow } from '../build-contact-tree';

const c = (id: string, reportsToId: string | null = null) => ({ id, reportsToId });
const ids = (nodes: ReturnType<typeof buildContactTree>): unknown[] => nodes.map((n) => (n.children.length ? [n.contact.id, ids(n.children)] : n.contact.id));

describe('contact org chart', () => {
  it('puts each contact under the person they report to', () => {
    const tree = buildContactTree([c('cfo', 'ceo'), c('ceo'), c('buyer', 'cfo'), c('it', 'ceo')]);
    expect(ids(tree)).toEqual([['ceo', [['cfo', ['buyer']], 'it']]]);
  });

  it('shows a contact whose manager is not among the contacts as a root', () => {
    expect(ids(buildContactTree([c('a', 'elsewhere'), c('b')]))).toEqual(['a', 'b']);
  });

  it('still shows every contact of a reporting loop, once', () => {
    const tree = buildContactTree([c('a', 'b'), c('b', 'a'), c('solo')]);
    expect(ids(tree)).toEqual(['solo', ['a', ['b']]]);
  });

  it('treats a contact reporting to itself as a root', () => {
    expect(ids(buildContactTree([c('a', 'a')]))).toEqual(['a']);
  });

  it('lists a contact and everyone below it as managers it cannot report to', () => {
    const contacts = [c('ceo'), c('cfo', 'ceo'), c('buyer', 'cfo'), c('it', 'ceo')];
    expect([...reportsBelow(contacts, 'cfo')].sort()).toEqual(['buyer', 'cfo']);
    expect([...reportsBelow(contacts, 'it')]).toEqual(['it']);
  });
});
