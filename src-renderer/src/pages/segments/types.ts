// What the segments page reads from the core (segments.overview), by the router's own types.
import type { Filter } from '../../../../src-main/shared/filters';
import type { SegmentCode } from '../../../../src-main/shared/segments';
import type { Outputs } from '../../lib/api-types';

export type SegmentsOverview = Outputs['segments']['overview'];
export type SegmentRow = SegmentsOverview['segments'][number];
export type GridCell = SegmentsOverview['grid'][number];
export type ClusterView = SegmentsOverview['clusters'][number];
export type Clustering = NonNullable<SegmentsOverview['clustering']>;
export type CustomerSegment = Outputs['segments']['customer'];

/** The smart-list filter of a segment's customers. */
export const segmentFilter = (code: SegmentCode): Filter => ({ match: 'all', conditions: [{ field: 'rfm_segment', op: 'in', value: [code] }] });

/** The filter of a cluster's customers (1-based idx, as FILTER_FIELDS.cluster says). */
export const clusterFilter = (idx: number): Filter => ({ match: 'all', conditions: [{ field: 'cluster', op: 'eq', value: idx }] });
