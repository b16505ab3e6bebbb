// "Erase customer…": says plainly what goes, what is kept and that it cannot be undone; the owner
// chooses whether the orders stay as anonymised totals (the default) and types the customer's name
// (or ERASE / 删除) before the button works. Afterwards the customers list, with a notice.
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { usePrivacyMode } from '../../hooks/usePrivacyMode';
import type { CustomerDetail } from '../../lib/api-types';
import { notifyError } from '../../lib/notify';
import { keys } from '../../lib/query-keys';

/** The words that confirm in either language, besides the name itself. */
const WORDS = ['erase', '删除'];

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

export function CustomerRightsEraseModal({ customer, opened, onClose }: { customer: CustomerDetail; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const { mask } = usePrivacyMode();
  const [keepOrders, setKeepOrders] = useState(true);
  const [typed, setTyped] = useState('');
  const shownName = mask.name(customer.name) ?? '';
  const confirmed = typed.trim() !== '' && (norm(typed) === norm(customer.name) || WORDS.includes(norm(typed)));
  const close = () => {
    setTyped('');
    setKeepOrders(true);
    onClose();
  };
  const erase = useMutation({
    mutationFn: () => api.rights.eraseCustomer.mutate({ customerId: customer.id, keepOrders }),
    onSuccess: (r) => {
      qc.removeQueries({ queryKey: keys.customer(customer.id) });
      qc.removeQueries({ queryKey: keys.timeline(customer.id) });
      for (const key of [keys.customersAll, keys.overview, keys.tags, keys.openTasks]) void qc.invalidateQueries({ queryKey: key });
      notifications.show({
        color: 'gray',
        title: t('rights.erase.done', { name: shownName }),
        message: keepOrders ? t('rights.erase.doneKept', { count: r.keptOrders }) : t('rights.erase.doneAll'),
        autoClose: 8000,
      });
      close();
      navigate('/customers');
    },
    onError: (err) => notifyError(err, t),
  });
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>{t('rights.erase.title', { name: shownName })}</Text>} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmed) erase.mutate();
        }}
      >
        <Stack>
          <Text fz="sm">{t('rights.erase.body')}</Text>
          <Checkbox
            checked={keepOrders}
            onChange={(e) => setKeepOrders(e.currentTarget.checked)}
            label={t('rights.erase.keepOrders')}
            description={keepOrders ? t('rights.erase.keepOrdersHint', { count: customer.orderCount }) : t('rights.erase.deleteAllHint', { count: customer.orderCount })}
            data-testid="rights-erase-keep-orders"
          />
          <List size="sm" spacing={4}>
            <List.Item>{t('rights.erase.audit')}</List.Item>
          </List>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {t('rights.erase.irreversible')}
          </Alert>
          <TextInput
            label={t('rights.erase.typeLabel')}
            placeholder={t('rights.erase.typePlaceholder')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            data-testid="rights-erase-type"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!confirmed} loading={erase.isPending} data-testid="rights-erase-confirm">
              {t('rights.erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
