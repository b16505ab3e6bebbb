// CONTRACT STUB (replaced by the drafting helper): the no-model templates, in both languages, per situation and tone.
import type { DraftLanguage, TemplatePlaceholder, Tone } from '../../shared/drafting';

/** What a template is for: a reply to a complaint, a question or praise; a win-back; a campaign (with the owner's brief). */
export type TemplateSituation = 'complaint' | 'question' | 'praise' | 'winback' | 'campaign';

/** The template text with its placeholders filled; a placeholder without a value is worded around, never left in braces. */
export function fillTemplate(situation: TemplateSituation, language: DraftLanguage, tone: Tone, values: Partial<Record<TemplatePlaceholder, string>> & { brief?: string }): string {
  void [situation, language, tone, values];
  throw new Error('drafting not built yet');
}
