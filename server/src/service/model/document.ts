// A document the service holds: a plan, or an overrides file laid over the plans. Every feature
// takes one and answers for either kind; which files are which is decided by
// common/documentKinds.ts, in the hosts.
import type { OverridesFile } from './overrides';
import type { PlanFile } from './planFile';

export type PlanDocument = { kind: 'plan'; uri: string; file: PlanFile } | { kind: 'overrides'; uri: string; file: OverridesFile };

export function planDocument(file: PlanFile): PlanDocument {
  return { kind: 'plan', uri: file.uri, file };
}

export function overridesDocument(file: OverridesFile): PlanDocument {
  return { kind: 'overrides', uri: file.uri, file };
}
