// What a change event can name. Pure: the renderer imports it to decide what to refresh.
export const RECORD_TYPES = ['customer', 'company', 'tag', 'order', 'interaction', 'feedback', 'note', 'task', 'settings', 'segments', 'list', 'predictions', 'campaign'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * One committed change. `ids` names the records touched (for an order, interaction, feedback,
 * note or task also the customers they hang off, in `customerIds`); `bulk` means too many to
 * name (an import, the sample shop, removing sample data): refresh everything of that type.
 */
export interface Change {
  type: RecordType;
  op: 'create' | 'update' | 'delete' | 'bulk';
  ids: number[];
  customerIds: number[];
}

/** What one commit changed, emitted once after it committed. */
export interface ChangeEvent {
  seq: number;
  at: number;
  changes: Change[];
}
