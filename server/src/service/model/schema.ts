// The JSON Schema of a plan (schemas/), as the model reads it: which keys a plan, a milestone and a
// feature have, which are required, what each means, and which hold dates.
import schema from '../../../../schemas/milestones.schema.json';
import overrides from '../../../../schemas/overrides.schema.json';

export const planSchema = schema as Record<string, unknown>;

/** The schema of an overrides file (model/overrides.ts). */
export const overridesSchema = overrides as Record<string, unknown>;

/** Date fields, checked by the `invalid-date` rule (which says more than a pattern error). */
export const dateKeys = new Set(['due', 'forecast', 'completed', 'asOf']);

export type SchemaLevel = 'plan' | 'milestone' | 'feature';

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

function levelOf(level: SchemaLevel): SchemaNode | undefined {
  const root = planSchema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };
  return level === 'plan' ? root : root.definitions[level];
}

/** The keys of a level, in the schema's order. */
export function schemaKeys(level: SchemaLevel): string[] {
  return Object.keys(levelOf(level)?.properties ?? {});
}

export function isRequiredKey(level: SchemaLevel, key: string): boolean {
  return levelOf(level)?.required?.includes(key) ?? false;
}

/** The schema's description of a key, for the plan, a milestone or a feature. */
export function keyDescription(level: SchemaLevel, key: string): string | undefined {
  return levelOf(level)?.properties?.[key]?.description;
}
