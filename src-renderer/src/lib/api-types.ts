// Output types of the core's calls, inferred from the router type (no runtime import of the core),
// and the pure shared vocabularies (src-main/shared) the UI needs at run time.
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../src-main/core/router';

export type Outputs = inferRouterOutputs<AppRouter>;
export type Inputs = inferRouterInputs<AppRouter>;

export type CustomerListRow = Outputs['customers']['list']['rows'][number];
export type CustomerDetail = Outputs['customers']['get'];
export type CustomerInput = Inputs['customers']['create'];
export type TimelineItem = Outputs['timeline']['forCustomer']['items'][number];
export type Tag = Outputs['tags']['list'][number];
export type OpenTask = Outputs['tasks']['open'][number];
export type JobRow = Outputs['jobs']['list'][number];
export type JobEvent = Outputs['jobs']['events'] extends AsyncIterable<infer E> ? E : never;
export type ChangeEvent = Outputs['changes']['events'] extends AsyncIterable<infer E> ? E : never;
export type SearchHits = Outputs['search']['all'];
export type Overview = Outputs['app']['overview'];
export type JobStatus = JobRow['status'];
export type Channel = Inputs['interactions']['log']['channel'];
export type Direction = Inputs['interactions']['log']['direction'];

export { CHANNELS } from '../../../src-main/shared/records';

// Import, export and the local model.
export type ImportKind = Inputs['import']['preview']['kind'];
export type ImportFields = Outputs['import']['fields'];
export type ImportField = ImportFields[ImportKind]['fields'][number];
export type ImportSource = Inputs['import']['inspect'];
export type InspectResult = Outputs['import']['inspect'];
export type ImportOptions = NonNullable<Inputs['import']['preview']['options']>;
export type PreviewResult = Outputs['import']['preview'];
export type PreviewRow = PreviewResult['rows'][number];
export type ImportCounts = PreviewResult['counts'];
export type ImportTemplate = Outputs['import']['listTemplates'][number];
export type DetailsPage = Outputs['import']['rejects'];
export type ExportInput = Inputs['export']['start'];
export type ExportList = ExportInput['list'];
export type ModelCatalog = Outputs['models']['catalog'];
export type CatalogModel = ModelCatalog['models'][number];
export type Hardware = Outputs['models']['hardware'];
export type InstalledModel = Outputs['models']['installed'][number];
export type DownloadState = Outputs['models']['downloads'][number];
export type ModelStatus = Outputs['models']['status'];
export type RuntimeStatus = ModelStatus['runtime'];
export type DownloadSource = Inputs['models']['setSource']['source'];
export type ModelEvent = Outputs['models']['events'] extends AsyncIterable<infer E> ? E : never;
export type GenerationEvent = Outputs['ai']['generate'] extends AsyncIterable<infer E> ? E : never;

export { IMPORT_KINDS } from '../../../src-main/shared/import-settings';
export { DOWNLOAD_SOURCES } from '../../../src-main/shared/download-sources';
/** What an import job returns (jobs.get / jobs.events `result`). */
export type { ImportSummary } from '../../../src-main/core/import/importer';
/** What an export job returns. */
export type { ExportResult } from '../../../src-main/core/export/export-list';
