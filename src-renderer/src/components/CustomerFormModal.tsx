// Create or edit a customer. The core validates (one set of rules) and names every wrong field at
// once; each problem lands under its field, in the person's language.
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CustomerDetail, CustomerInput } from '../lib/api-types';
import { describeError } from '../lib/errors';
import { keys } from '../lib/query-keys';

type Field = 'name' | 'company' | 'email' | 'phone' | 'city' | 'country';
/** 'auto': the core guesses from the name (王小明 writes in Chinese) until the person picks one. */
type FormState = Record<Field, string> & { language: 'auto' | 'en' | 'zh'; consentEmail: boolean; consentSms: boolean; consentWechat: boolean };

const empty = (): FormState => ({
  name: '',
  company: '',
  email: '',
  phone: '',
  city: '',
  country: '',
  language: 'auto',
  consentEmail: false,
  consentSms: false,
  consentWechat: false,
});

function fromCustomer(c: CustomerDetail): FormState {
  return {
    name: c.name,
    company: c.company ?? '',
    email: c.email ?? '',
    phone: c.phone ?? '',
    city: c.city ?? '',
    country: c.country ?? '',
    language: c.language === 'zh' ? 'zh' : 'en',
    consentEmail: c.consentEmail,
    consentSms: c.consentSms,
    consentWechat: c.consentWechat,
  };
}

const consentField = (k: 'email' | 'sms' | 'wechat') => (k === 'email' ? 'consentEmail' : k === 'sms' ? 'consentSms' : 'consentWechat');

interface Props {
  opened: boolean;
  onClose(): void;
  /** Edit this customer; create a new one when absent. */
  customer?: CustomerDetail;
  onSaved?(id: number): void;
}

export function CustomerFormModal({ opened, onClose, customer, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState<FormState>(() => (customer ? fromCustomer(customer) : empty()));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setForm(customer ? fromCustomer(customer) : empty());
    setErrors({});
    setFormError(null);
  }, [opened, customer, i18n.language]);

  const save = useMutation({
    mutationFn: (data: CustomerInput) => (customer ? api.customers.update.mutate({ id: customer.id, data }) : api.customers.create.mutate(data)),
    onSuccess: async ({ id }) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.customersAll }),
        qc.invalidateQueries({ queryKey: keys.customer(id) }),
        qc.invalidateQueries({ queryKey: keys.overview }),
      ]);
      notifications.show({ color: 'teal', message: customer ? t('form.saved') : t('form.created', { name: form.name.trim() }), autoClose: 3000 });
      onClose();
      onSaved?.(id);
    },
    onError: (err) => {
      const shown = describeError(err, t);
      const onForm = Object.fromEntries(Object.entries(shown.fields).filter(([field]) => field in form));
      if (Object.keys(onForm).length) setErrors(onForm);
      else setFormError(shown.message);
    },
  });

  const set = (field: keyof FormState) => (value: string | boolean) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  // No checks of its own: the core's answer names every wrong field at once (an empty name too).
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setErrors({});
    const { language, ...rest } = form;
    save.mutate({ ...rest, ...(language === 'auto' ? {} : { language }) });
  };

  const text = (field: Field, extra: { required?: boolean; placeholder?: string; type?: string; autoFocus?: boolean } = {}) => (
    <TextInput
      label={t(`form.${field}`)}
      value={form[field]}
      onChange={(e) => set(field)(e.currentTarget.value)}
      error={errors[field]}
      withAsterisk={extra.required}
      placeholder={extra.placeholder}
      type={extra.type}
      data-autofocus={extra.autoFocus || undefined}
      name={field}
    />
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{customer ? t('form.editTitle', { name: customer.name }) : t('form.createTitle')}</Text>}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label={customer ? t('form.editTitle', { name: customer.name }) : t('form.createTitle')}>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
            {text('name', { required: true, placeholder: t('form.namePlaceholder'), autoFocus: true })}
            {text('company')}
            {text('email', { type: 'email' })}
            {text('phone', { type: 'tel' })}
            {text('city')}
            {text('country')}
          </SimpleGrid>
          <Select
            label={t('form.language')}
            value={form.language}
            onChange={(v) => v && set('language')(v)}
            data={[
              ...(customer ? [] : [{ value: 'auto', label: t('form.languageAuto') }]),
              { value: 'zh', label: t('languages.zh') },
              { value: 'en', label: t('languages.en') },
            ]}
            allowDeselect={false}
            w="calc(50% - var(--mantine-spacing-sm) / 2)"
          />
          <Checkbox.Group
            label={t('form.consentLegend')}
            value={(['email', 'sms', 'wechat'] as const).filter((k) => form[consentField(k)])}
            onChange={(values) => setForm((f) => ({ ...f, consentEmail: values.includes('email'), consentSms: values.includes('sms'), consentWechat: values.includes('wechat') }))}
          >
            <Group gap="lg" mt={6}>
              <Checkbox value="email" label={t('form.consentEmail')} />
              <Checkbox value="sms" label={t('form.consentSms')} />
              <Checkbox value="wechat" label={t('form.consentWechat')} />
            </Group>
          </Checkbox.Group>
          {formError && (
            <Text c="red" fz="sm" role="alert">
              {formError}
            </Text>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {customer ? t('form.save') : t('form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
