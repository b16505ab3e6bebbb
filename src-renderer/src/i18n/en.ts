// English strings, split by domain (en/*.ts). zh.ts mirrors this shape key for key: the type
// checker holds it to that, so a missing translation is a type error.
import { customers } from './en/customers';
import { exportMessages } from './en/export';
import { importMessages } from './en/import';
import { lists } from './en/lists';
import { predict } from './en/predict';
import { predictDashboard } from './en/predict-dashboard';
import { predictPages } from './en/predict-pages';
import { models } from './en/models';
import { segments } from './en/segments';
import { dashboardMessages } from './en/dashboard';
import { sentiment } from './en/sentiment';
import { shell } from './en/shell';
import { inbox } from './en/inbox';
import { campaigns } from './en/campaigns';
import { facts } from './en/facts';
import { lockMessages } from './en/lock';
import { audit } from './en/audit';
import { profiles } from './en/profiles';
import { backup } from './en/backup';
import { rights } from './en/rights';

export const en = { ...shell, ...customers, ...importMessages, ...exportMessages, ...models, ...sentiment, ...segments, ...dashboardMessages, ...lists, ...predict, ...predictPages, ...predictDashboard, ...inbox, ...facts, ...campaigns, ...lockMessages, ...audit, ...profiles, ...backup, ...rights };

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
