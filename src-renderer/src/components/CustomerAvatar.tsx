import { Avatar } from '@mantine/core';
import { usePrivacyMode } from '../hooks/usePrivacyMode';

const CJK = /[\p{Script=Han}]/u;

/** "Ava Walker" → "AW"; "王梦瑶" → "梦瑶" (the given name, as Chinese apps show it). */
export function initials(name: string): string {
  const trimmed = name.trim();
  if (CJK.test(trimmed)) {
    const chars = [...trimmed.replace(/\s+/g, '')];
    return chars.length >= 3 ? chars.slice(-2).join('') : chars.join('');
  }
  const words = trimmed.split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]][0] ?? '';
  const last = words.length > 1 ? ([...words[words.length - 1]][0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function CustomerAvatar({ name, size }: { name: string; size: number }) {
  // In privacy mode only the masked name's first letter: a Chinese given name would name the person.
  const { on } = usePrivacyMode();
  const text = on ? ([...name.trim()][0] ?? '?').toUpperCase() : initials(name);
  return (
    <Avatar name={name} color="initials" size={size} radius="xl" fz={CJK.test(text) ? size * 0.34 : undefined}>
      {text}
    </Avatar>
  );
}
