// The import wizard's choices (file, how to read it, kind, mapping, options), kept outside the
// page so that looking at another page and coming back, or going back from a failed or cancelled
// run to fix the mapping, finds everything as it was. Once the import it started has finished, the
// next visit starts over with a new file (ImportPage).
import { useSyncExternalStore } from 'react';
import { IMPORT_OPTION_DEFAULTS } from '../../../../src-main/shared/import-settings';
import type { ImportKind, ImportOptions, ImportSource, InspectResult } from '../../lib/api-types';

export type Step = 'file' | 'mapping' | 'preview';

/** How to read the file: the path plus the person's overrides of what was detected. */
export type Source = Omit<ImportSource, 'sampleSize'>;

export type FullOptions = Required<ImportOptions>;

export const DEFAULT_OPTIONS: FullOptions = IMPORT_OPTION_DEFAULTS;

export interface WizardState {
  step: Step;
  file: { name: string; size: number } | null;
  source: Source | null;
  /** Set once the first inspection of the current file has filled kind, mapping and options. */
  kind: ImportKind | null;
  /** The person picked the kind (or a template did): a new reading of the file keeps it. */
  kindChosen: boolean;
  /** Field key → column index. */
  mapping: Record<string, number>;
  options: FullOptions;
  /** The template the mapping came from, if any. */
  templateId: number | null;
  /** The layout (headers) the mapping was made for: a new layout gets a new suggestion. */
  layoutKey: string | null;
  /** The import job these choices started (not a check): when it has finished, the wizard is done. */
  launched: number | null;
}

const initial: WizardState = {
  step: 'file',
  file: null,
  source: null,
  kind: null,
  kindChosen: false,
  mapping: {},
  options: DEFAULT_OPTIONS,
  templateId: null,
  layoutKey: null,
  launched: null,
};

let state = initial;
const listeners = new Set<() => void>();

export function setWizard(patch: Partial<WizardState> | ((s: WizardState) => Partial<WizardState>)): void {
  state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
  for (const l of listeners) l();
}

export function resetWizard(): void {
  setWizard(initial);
}

export function useWizard(): WizardState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export const layoutKeyOf = (r: InspectResult) => JSON.stringify([r.path, r.sheet, r.encoding, r.delimiter, r.headerLine, r.headers]);

/** Kind, mapping and options from an inspection: a fitting template first, else the suggestion. */
export function fromInspection(r: InspectResult, keepKind: ImportKind | null): Pick<WizardState, 'kind' | 'mapping' | 'options' | 'templateId' | 'layoutKey'> {
  const template = r.template && (!keepKind || r.template.kind === keepKind) ? r.template : null;
  const kind = keepKind ?? template?.kind ?? r.suggestedKind;
  return {
    kind,
    mapping: template ? { ...template.mapping } : { ...r.suggestions[kind].mapping },
    options: { ...DEFAULT_OPTIONS, ...r.suggestedOptions, ...(template?.options ?? {}) },
    templateId: template?.id ?? null,
    layoutKey: layoutKeyOf(r),
  };
}
