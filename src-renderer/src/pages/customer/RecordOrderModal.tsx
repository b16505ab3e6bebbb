// "Record an order" from a customer's page: a phone order, a shop sale, a correction. Goes through
// orders.add (the one write path), so the customer's spend, their segment and every smart list
// that holds them follow by the change events. Keyboard first: Enter moves to the next field (and
// records from the last), Ctrl/Cmd+Enter records from anywhere.
import { ActionIcon, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, type OrderStatus } from '../../../../src-main/shared/records';
import { api } from '../../api/client';
import { useLanguage } from '../../hooks/useLanguage';
import { useMoney } from '../../hooks/useMoney';
import { formatMoney } from '../../lib/format';
import { notifyError } from '../../lib/notify';

interface Line {
  key: number;
  name: string;
  quantity: number | string;
  /** In whole currency units as typed (12.5), not cents. */
  price: number | string;
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A number for a hand-recorded order: M-20261203-4821, readable and unlikely to clash. */
const newOrderNo = () => `M-${today().replaceAll('-', '')}-${String(Math.floor(1000 + Math.random() * 9000))}`;

const num = (v: number | string) => (typeof v === 'number' ? v : Number(v));
const lineCents = (l: Line) => {
  const q = num(l.quantity);
  const p = num(l.price);
  return Number.isFinite(q) && Number.isFinite(p) ? Math.round(q * p * 100) : 0;
};

let lineKey = 0;
const emptyLine = (): Line => ({ key: ++lineKey, name: '', quantity: 1, price: '' });

export function RecordOrderModal({ customerId, opened, onClose }: { customerId: number; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('recordOrder.title')} size="xl">
      {opened && <OrderForm customerId={customerId} onClose={onClose} />}
    </Modal>
  );
}

function OrderForm({ customerId, onClose }: { customerId: number; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const formRef = useRef<HTMLFormElement>(null);
  const [orderNo, setOrderNo] = useState(newOrderNo);
  const [date, setDate] = useState(today);
  const [status, setStatus] = useState<OrderStatus>('paid');
  const [lines, setLines] = useState<Line[]>(() => [emptyLine()]);
  const [problem, setProblem] = useState<string | null>(null);
  const filled = lines.filter((l) => l.name.trim() !== '');
  const total = filled.reduce((sum, l) => sum + lineCents(l), 0);

  const save = useMutation({
    mutationFn: () => {
      // Today's order is stamped now; another day's at its noon, so it lands on that day wherever the clock is.
      const orderedAt = date === today() ? Date.now() : new Date(`${date}T12:00:00`).getTime();
      return api.orders.add.mutate({
        customerId,
        orderNo: orderNo.trim(),
        orderedAt,
        status,
        currency: shopCurrency,
        lines: filled.map((l) => ({ name: l.name.trim(), quantity: Math.max(1, Math.round(num(l.quantity))), unitPriceCents: Math.max(0, Math.round(num(l.price) * 100)) })),
      });
    },
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('recordOrder.saved', { orderNo: orderNo.trim() }) });
      onClose();
    },
    onError: (err) => notifyError(err, t),
  });

  const submit = () => {
    if (filled.length === 0) {
      setProblem(t('recordOrder.needLine'));
      return;
    }
    setProblem(null);
    if (!save.isPending) save.mutate();
  };

  /** Enter: the next field, or record from the last; Ctrl/Cmd+Enter: record. */
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (target.tagName !== 'INPUT') return;
    e.preventDefault();
    if (e.ctrlKey || e.metaKey) return submit();
    const fields = [...(formRef.current?.querySelectorAll<HTMLInputElement>('input[data-order-field]') ?? [])];
    const at = fields.indexOf(target as HTMLInputElement);
    if (at >= 0 && at < fields.length - 1) {
      fields[at + 1].focus();
      // Typing replaces what is there (the prefilled quantity 1), as in a spreadsheet.
      fields[at + 1].select();
    }
    else submit();
  };

  const update = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <form
      ref={formRef}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="record-order-form"
    >
      <Stack gap="md">
        <Group grow align="flex-start">
          <TextInput label={t('recordOrder.orderNo')} value={orderNo} onChange={(e) => setOrderNo(e.currentTarget.value)} required maxLength={100} data-order-field />
          <TextInput type="date" label={t('recordOrder.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required data-order-field />
          <Stack gap={4}>
            <Text fz="sm" fw={500}>
              {t('recordOrder.status')}
            </Text>
            <SegmentedControl
              value={status}
              onChange={(v) => setStatus(v as OrderStatus)}
              data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`recordOrder.statuses.${s}`) }))}
              aria-label={t('recordOrder.status')}
            />
          </Stack>
        </Group>
        <div>
          <Text fz="sm" fw={500} mb={4}>
            {t('recordOrder.lines')}
          </Text>
          <Table verticalSpacing={4} withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recordOrder.product')}</Table.Th>
                <Table.Th w={90}>{t('recordOrder.quantity')}</Table.Th>
                <Table.Th w={140}>{t('recordOrder.unitPrice')}</Table.Th>
                <Table.Th w={120} ta="right">
                  {t('recordOrder.lineTotal')}
                </Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l, i) => (
                <Table.Tr key={l.key} data-testid="order-line">
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('recordOrder.product')} ${i + 1}`}
                      value={l.name}
                      onChange={(e) => update(l.key, { name: e.currentTarget.value })}
                      maxLength={300}
                      data-order-field
                      data-autofocus={i === 0 ? true : undefined}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={`${t('recordOrder.quantity')} ${i + 1}`} value={l.quantity} onChange={(v) => update(l.key, { quantity: v })} min={1} allowDecimal={false} hideControls data-order-field />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${t('recordOrder.unitPrice')} ${i + 1}`}
                      value={l.price}
                      onChange={(v) => update(l.key, { price: v })}
                      min={0}
                      decimalScale={2}
                      thousandSeparator=","
                      hideControls
                      leftSection={<Text fz="xs" c="dimmed">{shopCurrency}</Text>}
                      leftSectionWidth={42}
                      data-order-field
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text fz="sm" className="tabular">
                      {formatMoney(lineCents(l), lang, shopCurrency)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => setLines((ls) => (ls.length > 1 ? ls.filter((x) => x.key !== l.key) : [emptyLine()]))}
                      aria-label={t('recordOrder.removeLine', { n: i + 1 })}
                    >
                      <IconTrash size={15} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} mt={4} onClick={() => setLines((ls) => [...ls, emptyLine()])}>
            {t('recordOrder.addLine')}
          </Button>
        </div>
        {problem && (
          <Text fz="sm" c="red" role="alert">
            {problem}
          </Text>
        )}
        <Group justify="space-between" align="center">
          <Text fz="xs" c="dimmed">
            {t('recordOrder.hint')}
          </Text>
          <Group gap="md">
            <Text fz="lg" fw={650} className="tabular" data-testid="order-total">
              {t('recordOrder.total')}: {formatMoney(total, lang, shopCurrency)}
            </Text>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('recordOrder.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
