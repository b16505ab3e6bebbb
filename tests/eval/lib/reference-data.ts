// Where the team's reference data sets are (../shared/data beside the checkout, or
// PATRON_REFERENCE_DATA). They are not in the repository: their sources' licences differ.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function referenceDataDir(): string | null {
  const candidates = [process.env.PATRON_REFERENCE_DATA, resolve(process.cwd(), '..', 'shared', 'data'), '/work/shared/data'];
  for (const c of candidates) if (c && existsSync(join(c, 'README.md'))) return c;
  return null;
}

export interface LabelledSet {
  name: string;
  file: string;
  textCol: string;
  labelCol: string;
  language: 'en' | 'zh';
  /** VADER's published correlation with the human ratings (Hutto & Gilbert 2014, Table 4). */
  vaderR?: number;
}

/** Every labelled sentiment set in the reference data. */
export function labelledSets(dir: string): LabelledSet[] {
  const vader = (name: string, file: string, vaderR: number): LabelledSet => ({
    name,
    file: join(dir, 'sentiment_en', 'vader_ground_truth', file),
    textCol: '3',
    labelCol: '2',
    language: 'en',
    vaderR,
  });
  return [
    vader('vader-tweets', 'tweets_GroundTruth.txt', 0.881),
    vader('vader-movies', 'movieReviewSnippets_GroundTruth.txt', 0.451),
    vader('vader-amazon', 'amazonReviewSnippets_GroundTruth.txt', 0.565),
    vader('vader-nyt', 'nytEditorialSnippets_GroundTruth.txt', 0.492),
    { name: 'chnsenticorp-hotels', file: join(dir, 'sentiment_zh', 'ChnSentiCorp_htl_all.csv'), textCol: 'review', labelCol: 'label', language: 'zh' },
    { name: 'waimai', file: join(dir, 'sentiment_zh', 'waimai_10k.csv'), textCol: 'review', labelCol: 'label', language: 'zh' },
  ];
}
