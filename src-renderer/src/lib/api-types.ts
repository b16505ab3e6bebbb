// Output types of the core's calls, inferred from the router type (no runtime import).
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
export type SearchHits = Outputs['search']['all'];
export type Overview = Outputs['app']['overview'];
export type JobStatus = JobRow['status'];
export type Channel = Inputs['interactions']['log']['channel'];
export type Direction = Inputs['interactions']['log']['direction'];

/** Mirrors the core's CHANNELS (src-main/core/db/schema.ts); the renderer may not import it at run time. */
export const CHANNELS: Channel[] = ['email', 'phone', 'sms', 'wechat', 'whatsapp', 'social', 'in_person'];
