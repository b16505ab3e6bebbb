// 简体中文，按领域分在 zh/*.ts。键与 en.ts 一一对应；中文只用复数的 other 形式，_one 键仅为满足类型而保留同样的文字。
import type { Messages } from './en';
import { customers } from './zh/customers';
import { exportMessages } from './zh/export';
import { importMessages } from './zh/import';
import { lists } from './zh/lists';
import { predict } from './zh/predict';
import { predictDashboard } from './zh/predict-dashboard';
import { predictPages } from './zh/predict-pages';
import { models } from './zh/models';
import { segments } from './zh/segments';
import { dashboardMessages } from './zh/dashboard';
import { sentiment } from './zh/sentiment';
import { shell } from './zh/shell';
import { inbox } from './zh/inbox';
import { campaigns } from './zh/campaigns';
import { facts } from './zh/facts';
import { lockMessages } from './zh/lock';
import { audit } from './zh/audit';
import { profiles } from './zh/profiles';
import { backup } from './zh/backup';
import { rights } from './zh/rights';

export const zh: Messages = { ...shell, ...customers, ...importMessages, ...exportMessages, ...models, ...sentiment, ...segments, ...dashboardMessages, ...lists, ...predict, ...predictPages, ...predictDashboard, ...inbox, ...facts, ...campaigns, ...lockMessages, ...audit, ...profiles, ...backup, ...rights };
