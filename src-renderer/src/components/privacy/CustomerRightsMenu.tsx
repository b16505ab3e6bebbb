// The customer page's "Privacy rights" menu: export everything held about this customer, or erase
// them. Owner only: staff do not see it, and the core refuses them anyway (ownerProcedure).
import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconFileExport, IconShieldLock, IconUserX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../lib/api-types';
import { useProfile } from './profile-context';
import { CustomerRightsEraseModal } from './CustomerRightsEraseModal';
import { CustomerRightsExportModal } from './CustomerRightsExportModal';

export function CustomerRightsMenu({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const { isOwner } = useProfile();
  const [open, setOpen] = useState<'export' | 'erase' | null>(null);
  if (!isOwner) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          {/* An icon with a tooltip: the header's row of buttons is full in English. */}
          <Tooltip label={t('rights.menu')} withArrow>
            <ActionIcon variant="default" size={36} aria-label={t('rights.menu')} data-testid="customer-rights">
              <IconShieldLock size={18} stroke={1.7} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('rights.menu')}</Menu.Label>
          <Menu.Item leftSection={<IconFileExport size={16} />} onClick={() => setOpen('export')} data-testid="customer-rights-export">
            {t('rights.exportItem')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconUserX size={16} />} onClick={() => setOpen('erase')} data-testid="customer-rights-erase">
            {t('rights.eraseItem')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CustomerRightsExportModal customer={customer} opened={open === 'export'} onClose={() => setOpen(null)} />
      <CustomerRightsEraseModal customer={customer} opened={open === 'erase'} onClose={() => setOpen(null)} />
    </>
  );
}
