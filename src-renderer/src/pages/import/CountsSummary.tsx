// What an import did (or, in the preview and the full check, will do): created, updated, merged,
// rejected..., the figures that matter for the kind of file.
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/useLanguage';
import type { ImportCounts, ImportKind } from '../../lib/api-types';
import { formatNumber } from '../../lib/format';

type CountKey =
  | 'customersCreated'
  | 'customersUpdated'
  | 'customersMerged'
  | 'customersUnchanged'
  | 'ordersCreated'
  | 'ordersExisting'
  | 'lines'
  | 'products'
  | 'messagesCreated'
  | 'reviewsCreated'
  | 'duplicates'
  | 'rejected';

function figures(kind: ImportKind, c: ImportCounts): [CountKey, number][] {
  const rejected: [CountKey, number] = ['rejected', c.rejected];
  switch (kind) {
    case 'customers':
      return [['customersCreated', c.customers.created], ['customersUpdated', c.customers.updated], ['customersMerged', c.customers.merged], ['customersUnchanged', c.customers.unchanged], rejected];
    case 'orders':
      return [['ordersCreated', c.orders.created], ['lines', c.orderItems.created], ['ordersExisting', c.orders.existing], ['customersCreated', c.customers.created], ['products', c.products.created], rejected];
    case 'interactions':
      return [['messagesCreated', c.interactions.created], ['duplicates', c.interactions.duplicates], ['customersCreated', c.customers.created], rejected];
    case 'feedback':
      return [['reviewsCreated', c.feedback.created], ['duplicates', c.feedback.duplicates], ['customersCreated', c.customers.created], rejected];
  }
}

const COLOR: Partial<Record<CountKey, string>> = { customersCreated: 'teal', ordersCreated: 'teal', messagesCreated: 'teal', reviewsCreated: 'teal', customersUpdated: 'indigo', customersMerged: 'violet' };

export function CountsSummary({ kind, counts, future = false }: { kind: ImportKind; counts: ImportCounts; future?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = figures(kind, counts);
  return (
    <SimpleGrid cols={{ base: 3, md: list.length }} spacing="sm" data-testid="import-counts">
      {list.map(([key, n]) => (
        <Paper key={key} p="sm" radius="md" data-testid={`count-${key}`} data-value={n} role="group" aria-label={t(`import.counts.${key}`)}>
          <Text fz={24} fw={650} className="tabular" lh={1.2} c={n === 0 ? 'dimmed' : key === 'rejected' ? 'red' : COLOR[key]}>
            {formatNumber(n, lang)}
          </Text>
          <Text fz="xs" c="dimmed" mt={2}>
            {t(future ? `import.willCounts.${key}` : `import.counts.${key}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
