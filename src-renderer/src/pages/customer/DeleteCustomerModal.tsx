import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import type { CustomerDetail } from '../../lib/api-types';
import { notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';

export function DeleteCustomerModal({ customer, opened, onClose }: { customer: CustomerDetail; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const del = useMutation({
    mutationFn: () => api.customers.delete.mutate({ id: customer.id }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: keys.customer(customer.id) });
      qc.removeQueries({ queryKey: keys.timeline(customer.id) });
      for (const key of [keys.customersAll, keys.overview, keys.tags, keys.openTasks]) void qc.invalidateQueries({ queryKey: key });
      notifications.show({ color: 'gray', message: t('customer.deleted', { name: customer.name }) });
      onClose();
      navigate('/customers');
    },
    onError: (err) => notifyError(err, t),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{t('customer.deleteTitle', { name: customer.name })}</Text>}>
      <Stack>
        <Text fz="sm">{t('customer.deleteBody', { name: customer.name, orders: t('customer.deleteOrders', { count: customer.orderCount }) })}</Text>
        <Text fz="sm" fw={500} c="red">
          {t('customer.deleteIrreversible')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => del.mutate()} loading={del.isPending}>
            {t('customer.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
