/** Invented contacts for the manager's unit tests. */
import type { Contact } from '../../../lib/db/schema';

let nextId = 1;
export function contact(p: Partial<Contact> & { name: string }): Contact {
  const id = p.id ?? nextId++;
  return {
    id, slug: null, profileUrl: null, nameLower: p.name.toLowerCase(), headline: null, location: null, company: null,
    position: null, email: null, photoUrl: null, degree: null, status: 'none', connectedOn: null, relationships: [],
    tags: [], howWeMet: null, cadenceDays: null, lastInteraction: null, nextFollowUp: null, followUpManual: false,
    source: 'page', userFields: [], createdAt: 1_700_000_000_000 + id, updatedAt: 1_700_000_000_000 + id,
    ...p,
  };
}
