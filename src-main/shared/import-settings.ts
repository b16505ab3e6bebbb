// What an import can be of and the options it starts with, for the core's schema and the wizard.
import type { Channel } from './records';

export const IMPORT_KINDS = ['customers', 'orders', 'interactions', 'feedback'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_OPTION_DEFAULTS = {
  dateOrder: 'DMY' as 'DMY' | 'MDY',
  decimalComma: false,
  currency: 'CNY',
  defaultCountry: 'CN' as const,
  onMatch: 'fill' as 'fill' | 'overwrite',
  createCustomers: true,
  defaultChannel: 'email' as Channel,
};
