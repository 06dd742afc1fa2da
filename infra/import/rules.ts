import type { MappingRule } from './mapping.ts';

const compiled = new WeakMap<MappingRule, RegExp>();

/** The first rule matching the activity (and the lifecycle transition when the rule names one). */
export function matchRule(rules: readonly MappingRule[], activity: string, lifecycle: string | undefined): { rule: MappingRule; match: Record<string, string> } | null {
  for (const rule of rules) {
    if (rule.lifecycle !== undefined && rule.lifecycle.toLowerCase() !== lifecycle?.toLowerCase()) continue;
    if (rule.activity !== undefined) {
      if (rule.activity === activity) return { rule, match: {} };
      continue;
    }
    let re = compiled.get(rule);
    if (!re) compiled.set(rule, (re = new RegExp(rule.pattern!)));
    const m = re.exec(activity);
    if (m) return { rule, match: { ...m.groups } };
  }
  return null;
}
