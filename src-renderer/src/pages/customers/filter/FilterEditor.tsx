// The filter as chips a person reads and edits ("City is 上海", "Spent over ¥1,000", "NOT tagged
// VIP"): each chip opens its condition in a popover; "all of / any of" joins them; one level of
// groups shows as a bordered set of chips with its own all/any and NOT. The count of customers it
// matches follows every edit, the draft in an open popover included (lists.count, debounced).
// Keys: Enter applies a condition, Escape closes it, Backspace or Delete on a chip removes it.
import { ActionIcon, Badge, Box, Button, CloseButton, Group, Loader, Paper, Popover, SegmentedControl, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFolderPlus, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFilter, isGroup, type Filter, type FilterCondition, type FilterGroup } from '../../../../../src-main/shared/filters';
import { api } from '../../../api/client';
import { useLanguage } from '../../../hooks/useLanguage';
import { useMoney } from '../../../hooks/useMoney';
import { keys } from '../../../lib/query-keys';
import { ConditionForm } from './ConditionForm';
import { describeCondition, newCondition, type DescribeContext } from './describe';
import classes from './FilterEditor.module.css';

/** How many customers a filter matches, asked for once the filter has been still for 200 ms. */
export function useFilterCount(filter: Filter | null) {
  const [settled] = useDebouncedValue(filter, 200);
  const valid = settled != null && checkFilter(settled).length === 0;
  return useQuery({
    queryKey: [...keys.listsAll, 'count', settled],
    queryFn: () => api.lists.count.query({ filter: settled! }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
}

/** Where a condition is: [i] at the top, [g, j] inside the group at g. */
type Path = [number] | [number, number];

/** What the open popover edits: a chip, or a new condition about to be added at `path`. */
interface Editing {
  path: Path;
  isNew: boolean;
  /** A new condition that starts a new group at the top level. */
  newGroup?: boolean;
}

/** The filter with `c` put at `path` (replacing, or inserted when new); groups left empty go. */
function put(filter: Filter, e: Editing, c: FilterCondition | null): Filter {
  const conditions = [...filter.conditions];
  if (e.path.length === 1) {
    const [i] = e.path;
    if (c === null) conditions.splice(i, 1);
    else if (e.newGroup) conditions.splice(i, 0, { match: 'any', conditions: [c] });
    else conditions.splice(i, e.isNew ? 0 : 1, c);
  } else {
    const [g, j] = e.path;
    const group = conditions[g] as FilterGroup;
    const inner = [...group.conditions];
    if (c === null) inner.splice(j, 1);
    else inner.splice(j, e.isNew ? 0 : 1, c);
    if (inner.length === 0) conditions.splice(g, 1);
    else conditions[g] = { ...group, conditions: inner };
  }
  return { ...filter, conditions };
}

const same = (a: Path, b: Path) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Props {
  value: Filter;
  onChange(filter: Filter): void;
  /** The segments' own names where the person renamed them. */
  segmentNames?: Record<string, string | null>;
  /** Show the count beside the chips (the ask box's answer); the customers page has its own. */
  showCount?: boolean;
  'data-testid'?: string;
}

export function FilterEditor({ value, onChange, segmentNames, showCount = false, ...rest }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { shopCurrency } = useMoney();
  const ctx: DescribeContext = { t, lang, currency: shopCurrency, segmentNames };
  const [editing, setEditing] = useState<Editing | null>(null);
  const [draft, setDraft] = useState<FilterCondition | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  // The count shown is of the filter as it would be with the open popover's draft applied.
  const preview = useMemo(() => (editing && draft ? put(value, editing, draft) : value), [value, editing, draft]);
  const count = useFilterCount(preview);
  const previewValid = checkFilter(preview).length === 0;
  const countText = !previewValid ? (
    t('lists.editor.invalid')
  ) : count.data ? (
    t('lists.editor.count', { count: count.data.count })
  ) : (
    t('lists.editor.counting')
  );

  const close = useCallback(() => {
    setEditing(null);
    setDraft(null);
  }, []);
  const open = (e: Editing) => {
    setDraft(null);
    setEditing(e);
  };
  const apply = (c: FilterCondition) => {
    if (editing) onChange(put(value, editing, c));
    close();
  };
  const remove = (path: Path) => {
    onChange(put(value, { path, isNew: false }, null));
    close();
    requestAnimationFrame(() => addRef.current?.focus());
  };
  const setGroup = (g: number, patch: Partial<FilterGroup>) => {
    const conditions = [...value.conditions];
    conditions[g] = { ...(conditions[g] as FilterGroup), ...patch };
    onChange({ ...value, conditions });
  };

  const chip = (c: FilterCondition, path: Path) => {
    const phrase = describeCondition(c, ctx);
    const opened = editing != null && !editing.isNew && same(editing.path, path);
    return (
      <Popover
        key={path.join('.')}
        opened={opened}
        onDismiss={close}
        position="bottom-start"
        shadow="md"
        trapFocus
        returnFocus
        withinPortal
        // Escape is the form's: an open list in it closes first (ConditionForm).
        closeOnEscape={false}
      >
        <Popover.Target>
          <UnstyledButton
            className={classes.chip}
            data-not={c.not ? 'true' : undefined}
            data-testid="filter-chip"
            aria-label={t('lists.editor.editChip', { phrase })}
            aria-expanded={opened}
            onClick={() => (opened ? close() : open({ path, isNew: false }))}
            onKeyDown={(e: KeyboardEvent) => {
              if (e.key === 'Backspace' || e.key === 'Delete') {
                e.preventDefault();
                remove(path);
              } else if (e.key === 'Escape' && opened) close();
            }}
          >
            {phrase}
          </UnstyledButton>
        </Popover.Target>
        <Popover.Dropdown>
          {opened && <ConditionForm initial={c} onDraft={setDraft} onApply={apply} onRemove={() => remove(path)} onClose={close} count={countText} segmentNames={segmentNames} focusValue />}
        </Popover.Dropdown>
      </Popover>
    );
  };

  /** "Add condition" (or "Add group"), its popover holding a new condition. */
  const adder = (path: Path, opts: { newGroup?: boolean; compact?: boolean } = {}) => {
    const opened = editing != null && editing.isNew && same(editing.path, path) && Boolean(editing.newGroup) === Boolean(opts.newGroup);
    const label = opts.newGroup ? t('lists.editor.addGroup') : t('lists.editor.addCondition');
    const toggle = () => (opened ? close() : open({ path, isNew: true, newGroup: opts.newGroup }));
    return (
      <Popover key={`add-${path.join('.')}-${opts.newGroup ? 'g' : 'c'}`} opened={opened} onDismiss={close} position="bottom-start" shadow="md" trapFocus returnFocus withinPortal closeOnEscape={false}>
        <Popover.Target>
          {opts.compact ? (
            <Tooltip label={label}>
              <ActionIcon variant="subtle" size="sm" aria-label={label} onClick={toggle}>
                <IconPlus size={14} />
              </ActionIcon>
            </Tooltip>
          ) : (
            <Button
              ref={opts.newGroup ? undefined : addRef}
              variant="subtle"
              size="compact-sm"
              leftSection={opts.newGroup ? <IconFolderPlus size={14} /> : <IconPlus size={14} />}
              onClick={toggle}
              data-testid={opts.newGroup ? 'add-group' : 'add-condition'}
            >
              {label}
            </Button>
          )}
        </Popover.Target>
        <Popover.Dropdown>
          {opened && <ConditionForm initial={newCondition('city')} onDraft={setDraft} onApply={apply} onClose={close} count={countText} segmentNames={segmentNames} />}
        </Popover.Dropdown>
      </Popover>
    );
  };

  const matchSwitch = (match: 'all' | 'any', onMatch: (m: 'all' | 'any') => void, testId: string) => (
    <SegmentedControl
      size="xs"
      value={match}
      onChange={(v) => onMatch(v === 'any' ? 'any' : 'all')}
      data={[
        { value: 'all', label: t('lists.editor.all') },
        { value: 'any', label: t('lists.editor.any') },
      ]}
      aria-label={t('lists.editor.matchHint')}
      data-testid={testId}
    />
  );

  const n = value.conditions.length;
  return (
    <Group gap={8} align="center" wrap="wrap" className={classes.editor} role="group" aria-label={t('lists.editor.label')} data-testid={rest['data-testid'] ?? 'filter-editor'}>
      {n > 1 && (
        <>
          <Text fz="sm" c="dimmed">
            {t('lists.editor.matchLabel')}
          </Text>
          {matchSwitch(value.match, (match) => onChange({ ...value, match }), 'filter-match')}
        </>
      )}
      {value.not && (
        <Badge color="red" variant="light">
          {t('lists.editor.notGroup')}
        </Badge>
      )}
      {value.conditions.map((node, i) =>
        isGroup(node) ? (
          <Paper key={`g${i}`} withBorder radius="md" px={8} py={4} className={classes.group} data-testid="filter-group" aria-label={t('lists.editor.groupLabel')} role="group">
            <Group gap={6} align="center" wrap="wrap">
              <Tooltip label={t('lists.editor.notGroupHint')}>
                <Button
                  size="compact-xs"
                  variant={node.not ? 'filled' : 'subtle'}
                  color={node.not ? 'red' : 'gray'}
                  c={node.not ? undefined : 'dimmed'}
                  onClick={() => setGroup(i, { not: node.not ? undefined : true })}
                  aria-pressed={Boolean(node.not)}
                >
                  {node.not ? t('lists.editor.notGroup') : t('lists.editor.negate')}
                </Button>
              </Tooltip>
              {node.conditions.length > 1 && matchSwitch(node.match, (match) => setGroup(i, { match }), 'group-match')}
              {node.conditions.map((inner, j) =>
                isGroup(inner) ? (
                  // Deeper groups (a model's or an older list's) are shown, not edited, here.
                  <Badge key={j} variant="outline">
                    …
                  </Badge>
                ) : (
                  chip(inner, [i, j])
                ),
              )}
              {adder([i, node.conditions.length], { compact: true })}
              <CloseButton size="sm" aria-label={t('lists.editor.removeGroup')} onClick={() => onChange({ ...value, conditions: value.conditions.filter((_, k) => k !== i) })} />
            </Group>
          </Paper>
        ) : (
          chip(node, [i])
        ),
      )}
      {adder([n])}
      {n > 0 && adder([n], { newGroup: true })}
      {n > 0 && (
        <Button variant="subtle" color="gray" size="compact-sm" onClick={() => onChange({ match: 'all', conditions: [] })} data-testid="filter-clear">
          {t('lists.editor.clear')}
        </Button>
      )}
      <Box ml="auto">
        {showCount && n > 0 && (
          <Group gap={6} wrap="nowrap">
            {count.isFetching && <Loader size={12} />}
            <Text fz="sm" c="dimmed" className="tabular" data-testid="filter-count" aria-live="polite">
              {countText}
            </Text>
          </Group>
        )}
      </Box>
    </Group>
  );
}
