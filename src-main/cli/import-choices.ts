// Which column feeds which field, and how values are read, for an import from the command line:
// what the import page would start from (the core's suggestion from the headers and the values),
// or a template saved on that page, by name. Nothing here guesses on its own: the suggestion and
// the templates are the core's (import/inspect.ts, import/templates.ts).
import type { Db } from '../core/db/open';
import { AppError } from '../core/errors';
import type { ImportKind } from '../core/import/fields';
import type { InspectResult } from '../core/import/inspect';
import { checkMapping, importOptions, type ImportOptions } from '../core/import/schemas';
import { fitTemplate, listTemplates } from '../core/import/templates';

export interface ImportChoices {
  mapping: Record<string, number>;
  options: ImportOptions;
  /** The saved template used, or null for the suggestion. */
  template: string | null;
}

export interface ChoiceFlags {
  /** 'auto', or the name of a saved template. */
  mapping: string;
  /** --day-first / --month-first: how to read 05/01/2024, over what the values suggest. */
  dateOrder?: ImportOptions['dateOrder'];
}

export function chooseImport(db: Db, info: InspectResult, kind: ImportKind, flags: ChoiceFlags): ImportChoices {
  const chosen = flags.mapping === 'auto' ? { mapping: { ...info.suggestions[kind].mapping }, options: {}, template: null } : fromTemplate(db, info, kind, flags.mapping);
  checkMapping(kind, chosen.mapping, info.headers.length);
  const options = importOptions.parse({ ...info.suggestedOptions, ...chosen.options, ...(flags.dateOrder ? { dateOrder: flags.dateOrder } : {}) });
  return { mapping: chosen.mapping, options, template: chosen.template };
}

function fromTemplate(db: Db, info: InspectResult, kind: ImportKind, name: string): { mapping: Record<string, number>; options: Partial<ImportOptions>; template: string } {
  const templates = listTemplates(db);
  const t = templates.find((x) => x.name === name);
  if (!t) {
    const saved = templates.length ? `The saved templates are: ${templates.map((x) => `"${x.name}"`).join(', ')}.` : 'No templates are saved yet (save one on the Columns step of the import page).';
    throw new AppError('not_found', `There is no import template called "${name}". ${saved}`, 'mapping');
  }
  if (t.kind !== kind) throw new AppError('invalid_input', `The template "${name}" is for ${t.kind}, not ${kind}.`, 'mapping');
  const { mapping, missing } = fitTemplate(t, info.headers);
  if (missing.length) {
    throw new AppError('invalid_input', `The template "${name}" reads the column${missing.length > 1 ? 's' : ''} ${missing.map((h) => `"${h}"`).join(', ')}, which "${info.fileName}" does not have.`, 'mapping');
  }
  return { mapping, options: t.options, template: t.name };
}
