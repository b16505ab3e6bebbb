// The import's target fields as the wizard shows them: the core's list (with English and Chinese
// labels), which are required, and what a mapping still lacks.
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../api/client';
import type { Language } from '../../i18n';
import type { ImportField, ImportFields, ImportKind } from '../../lib/api-types';
import { keys } from '../../lib/query-keys';

export function useImportFields() {
  return useQuery({ queryKey: keys.importFields, queryFn: () => api.import.fields.query(), staleTime: Infinity });
}

export const fieldLabel = (f: Pick<ImportField, 'label' | 'labelZh'>, lang: Language) => (lang === 'zh' ? f.labelZh : f.label);

/** Label of a field key of a kind, or the key itself when the core does not know it. */
export function labelOf(fields: ImportFields | undefined, kind: ImportKind, key: string, lang: Language): string {
  const f = fields?.[kind].fields.find((x) => x.key === key);
  return f ? fieldLabel(f, lang) : key;
}

/** Field keys that appear in some requirement of this kind. */
export function requiredKeys(fields: ImportFields, kind: ImportKind): Set<string> {
  return new Set(fields[kind].requires.flatMap((r) => r.anyOf));
}

export interface Requirement {
  text: string;
  met: boolean;
}

/** Each requirement in the person's language, and whether the mapping meets it. */
export function requirements(fields: ImportFields, kind: ImportKind, mapping: Record<string, number>, lang: Language, t: TFunction): Requirement[] {
  const sep = lang === 'zh' ? '、' : ', ';
  return fields[kind].requires.map((r) => {
    const names = r.anyOf.map((k) => labelOf(fields, kind, k, lang));
    return {
      met: r.anyOf.some((k) => k in mapping),
      text: names.length === 1 ? t('import.map.needOne', { field: names[0] }) : t('import.map.needAny', { fields: names.join(sep) }),
    };
  });
}
