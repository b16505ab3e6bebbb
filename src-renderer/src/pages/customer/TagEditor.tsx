// A customer's tags: coloured badges with an x, and a small box to add one by typing, with the
// tags already in use suggested.
import { Autocomplete, CloseButton, Group } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { TagBadge } from '../../components/TagBadge';
import type { CustomerDetail } from '../../lib/api-types';
import { notifyError, notifyWithUndo } from '../../lib/notify';
import { keys } from '../../lib/query-keys';

export function TagEditor({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [value, setValue] = useState('');
  const lastAdded = useRef<{ name: string; at: number } | null>(null);
  const all = useQuery({ queryKey: keys.tags, queryFn: () => api.tags.list.query() });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: keys.customer(customer.id) });
    void qc.invalidateQueries({ queryKey: keys.tags });
    void qc.invalidateQueries({ queryKey: keys.customersAll });
  };
  const add = useMutation({
    mutationFn: (name: string) => api.tags.addToCustomer.mutate({ customerId: customer.id, name }),
    onSuccess: refresh,
    onError: (err) => notifyError(err, t),
  });
  // Undo puts the tag back by name, through the same find-or-create as adding it.
  const remove = useMutation({
    mutationFn: (tagId: number) => api.tags.removeFromCustomer.mutate({ customerId: customer.id, tagId }),
    onSuccess: (tag) => {
      refresh();
      notifyWithUndo({
        id: `tag-removed-${customer.id}-${tag.id}`,
        message: t('customer.tagRemoved', { name: tag.name }),
        undoLabel: t('common.undo'),
        onUndo: () => add.mutate(tag.name),
      });
    },
    onError: (err) => notifyError(err, t),
  });

  const submit = (raw: string) => {
    const name = raw.trim();
    if (!name) return;
    // Enter on a suggestion fires both the option and the key handler: add once.
    const last = lastAdded.current;
    if (last && last.name === name && Date.now() - last.at < 400) return;
    lastAdded.current = { name, at: Date.now() };
    setValue('');
    if (!customer.tags.some((tag) => tag.name === name)) add.mutate(name);
  };

  const suggestions = (all.data ?? []).map((tag) => tag.name).filter((name) => !customer.tags.some((tag) => tag.name === name));

  return (
    <Group gap={6} data-testid="customer-tags" aria-label={t('customer.tags')} role="group">
      {customer.tags.map((tag) => (
        <TagBadge
          key={tag.id}
          color={tag.color}
          size="lg"
          radius="sm"
          rightSection={
            <CloseButton size={14} iconSize={12} aria-label={t('customer.removeTag', { name: tag.name })} onClick={() => remove.mutate(tag.id)} variant="transparent" c="inherit" />
          }
          pr={4}
        >
          {tag.name}
        </TagBadge>
      ))}
      <Autocomplete
        size="xs"
        w={130}
        variant="filled"
        aria-label={t('customer.addTag')}
        placeholder={t('customer.addTagPlaceholder')}
        data={suggestions}
        value={value}
        onChange={setValue}
        onOptionSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit(e.currentTarget.value);
        }}
        comboboxProps={{ width: 200, position: 'bottom-start' }}
        maxLength={50}
      />
    </Group>
  );
}
