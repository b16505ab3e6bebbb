// The right model for the job: the catalog (with the Qwen3 family, confirmed), the recommendation
// by this machine and by the languages the shop's customers write in (counted from the database,
// not taken from the interface language), and Qwen3 run without its thinking.
import i18next from 'i18next';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveChatWrapper, type ChatHistoryItem } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Core } from '../../src-main/core/core';
import { createCustomer } from '../../src-main/core/customers/write';
import { logInteraction } from '../../src-main/core/interactions/service';
import { withoutThinking } from '../../src-main/core/llm/thinking';
import { CATALOG, catalogEntry, recommend, type Hardware, type LanguageMix } from '../../src-main/core/models/catalog';
import { customerLanguages } from '../../src-main/core/models/languages';
import { en as EN } from '../../src-renderer/src/i18n/en';
import { zh as ZH } from '../../src-renderer/src/i18n/zh';
import { recommendationReason } from '../../src-renderer/src/pages/models/reason';
import { freshCores } from './temp-core';

const fresh = freshCores();
const GB = 1024 ** 3;
/** The laptop of the issue: two cores, no usable graphics card, 8 GB. */
const laptop: Hardware = { ramTotal: 8 * GB, ramFree: 4 * GB, physicalCores: 2, threads: 1, gpu: null };
const gpu = (vram: number): Hardware => ({ ramTotal: 32 * GB, ramFree: 20 * GB, physicalCores: 8, threads: 7, gpu: { gpu: 'cuda', devices: ['RTX'], vramTotal: vram * GB, vramUsed: 0 } });
const pick = (hw: Hardware, mix: LanguageMix) => recommend(hw, mix).find((m) => m.recommended);
const mix = (zh: number, en: number, other = 0, basis: LanguageMix['basis'] = 'messages'): LanguageMix => ({ zh, en, other, count: 100, basis });

/** A shop whose customers wrote `zh` messages in Chinese and `en` in English (each customer one language). */
function shop(core: Core, zh: number, en: number) {
  const { sqlite } = core;
  const wang = createCustomer(sqlite, { name: '王芳', phone: '+86 138 0000 0001' }).id;
  const megan = createCustomer(sqlite, { name: 'Megan Price', email: 'megan@example.com' }).id;
  for (let i = 0; i < zh; i++) logInteraction(sqlite, { customerId: wang, channel: 'wechat', direction: 'inbound', body: `礼盒什么时候到？${i}` });
  for (let i = 0; i < en; i++) logInteraction(sqlite, { customerId: megan, channel: 'email', direction: 'inbound', body: `When will my order arrive? ${i}` });
  // What the shop wrote back says nothing about the customers' languages.
  for (let i = 0; i < 20; i++) logInteraction(sqlite, { customerId: wang, channel: 'wechat', direction: 'outbound', language: 'en', body: `Thanks ${i}` });
}

describe('catalog', () => {
  it('validates, and lists the Qwen3 family from 0.6B to 8B with confirmed files, free for business use', () => {
    const raw = z.object({ version: z.literal(1), notes: z.string(), models: z.array(catalogEntry) }).parse(JSON.parse(readFileSync(join(process.cwd(), 'models/catalog.json'), 'utf8')));
    expect(raw.models.map((m) => m.id)).toEqual(CATALOG.map((m) => m.id));
    expect(new Set(CATALOG.map((m) => m.id)).size).toBe(CATALOG.length);
    const qwen3 = CATALOG.filter((m) => m.family === 'Qwen3');
    expect(qwen3.map((m) => m.parameters)).toEqual([0.6, 1.7, 4.0, 8.2]);
    for (const m of qwen3) {
      expect(m).toMatchObject({ licence: 'Apache-2.0', commercialUse: true, languages: { zh: 'good', en: 'good' } });
      expect(m.huggingface.repo).toMatch(/^Qwen\/Qwen3-[\d.]+B-GGUF$/);
      // Pinned and hashed: each number was checked against independent listings (catalog.json notes).
      expect(m.huggingface.revision).toMatch(/^[0-9a-f]{40}$/);
      expect(m.huggingface.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(m.notes).toMatch(/sha256/);
      // Qwen publishes the same file on ModelScope; a ModelScope sha256 is the Hugging Face one or none.
      expect(m.modelscope).toMatchObject({ repo: m.huggingface.repo, file: m.huggingface.file });
      expect([m.huggingface.sha256, null]).toContain(m.modelscope!.sha256);
    }
    expect(CATALOG.find((m) => m.id === 'qwen3-4b')).toMatchObject({ sizeBytes: 2_497_280_256, huggingface: { file: 'Qwen3-4B-Q4_K_M.gguf', sha256: '7485fe6f11af29433bc51cab58009521f205840f5b4ae3a32fa7f92e8534fdf5' } });
    // The older models stay, said to be superseded.
    expect(CATALOG.find((m) => m.id === 'qwen2.5-1.5b-instruct')!.summary).toMatch(/Qwen3 1\.7B/);
  });
});

describe('recommendation', () => {
  it('only ever recommends a model whose licence allows business use, and at most one', () => {
    const machines = [2, 3, 4, 6, 8, 16, 64].flatMap((ram) => [null, 2, 4, 6, 8, 12, 24].map((vram) => (vram ? { ...gpu(vram), ramTotal: ram * GB } : { ...laptop, ramTotal: ram * GB })));
    const mixes = [mix(1, 0), mix(0, 1), mix(0.5, 0.5), mix(0.2, 0.2, 0.6), mix(0, 0, 1), mix(1, 0, 0, 'interface')];
    let recommended = 0;
    for (const hw of machines) {
      for (const m of mixes) {
        const chosen = recommend(hw, m).filter((e) => e.recommended);
        expect(chosen.length).toBeLessThanOrEqual(1);
        for (const c of chosen) expect(c.commercialUse, `${c.id} on ${hw.ramTotal / GB} GB`).toBe(true);
        recommended += chosen.length;
      }
    }
    expect(recommended).toBeGreaterThan(machines.length * mixes.length * 0.8);
    // Qwen2.5 3B writes well but its licence forbids business use.
    expect(pick({ ...laptop, ramTotal: 16 * GB }, mix(1, 0))!.id).not.toBe('qwen2.5-3b-instruct');
  });

  it('gives a shop whose customers write Chinese and English the same model good in both on the laptop, whatever the interface language', () => {
    const { core } = fresh();
    shop(core, 12, 8);
    const asEnglish = customerLanguages(core.db, 'en');
    const asChinese = customerLanguages(core.db, 'zh');
    expect(asEnglish).toEqual(asChinese);
    expect(asEnglish).toMatchObject({ basis: 'messages', count: 20, zh: 0.6, en: 0.4, other: 0, needed: ['zh', 'en'] });
    const best = pick(laptop, asEnglish)!;
    expect(best.languages).toMatchObject({ zh: 'good', en: 'good' });
    // Qwen3 4B would fit in 8 GB, but at 4B parameters it writes too slowly on two cores
    // (CPU_COMFORT_PARAMS); Qwen3 1.7B is the largest that is comfortable and good in both.
    expect(best).toMatchObject({ id: 'qwen3-1.7b', fit: 'cpu' });
    expect(recommend(laptop, asEnglish).find((m) => m.id === 'qwen3-4b')).toMatchObject({ fit: 'cpu', recommended: false });
    // What the English interface used to recommend: its own card says Chinese is not supported.
    expect(best.id).not.toBe('llama-3.2-3b-instruct');
  });

  it('gives a shop whose customers write only Chinese a model good in Chinese', () => {
    const { core } = fresh();
    shop(core, 10, 0);
    const best = pick(laptop, customerLanguages(core.db, 'en'))!;
    expect(best.languages.zh).toBe('good');
  });

  it('gives an English-only shop the best English model for the machine', () => {
    const { core } = fresh();
    shop(core, 0, 10);
    const languages = customerLanguages(core.db, 'zh');
    expect(languages).toMatchObject({ en: 1, needed: ['en'] });
    const best = pick(laptop, languages)!;
    expect(best.languages.en).toBe('good');
    expect(best).toMatchObject({ id: 'llama-3.2-3b-instruct', fit: 'cpu' });
  });

  it('does not let a language with under a tenth of the messages decide', () => {
    const { core } = fresh();
    shop(core, 1, 19);
    const languages = customerLanguages(core.db, 'zh');
    expect(languages.zh).toBeCloseTo(0.05);
    expect(languages.needed).toEqual(['en']);
    expect(pick(laptop, languages)!.id).toBe('llama-3.2-3b-instruct');
  });

  it('counts a message in the language recorded on it, else in its customer’s', () => {
    const { core } = fresh();
    const { sqlite } = core;
    const ann = createCustomer(sqlite, { name: 'Ann Lee', email: 'ann@example.com', language: 'en' }).id;
    logInteraction(sqlite, { customerId: ann, channel: 'email', direction: 'inbound', body: 'Hello' });
    logInteraction(sqlite, { customerId: ann, channel: 'wechat', direction: 'inbound', language: 'zh-Hans', body: '你好' });
    logInteraction(sqlite, { customerId: ann, channel: 'email', direction: 'inbound', language: 'fr', body: 'Bonjour' });
    expect(customerLanguages(core.db, 'zh')).toMatchObject({ basis: 'messages', count: 3, needed: ['zh', 'en', 'other'] });
  });

  it('with no messages goes by the customers’ languages, and with no customers by the interface language', () => {
    const { core } = fresh();
    expect(customerLanguages(core.db, 'zh')).toMatchObject({ basis: 'interface', zh: 1, en: 0, needed: ['zh'] });
    expect(customerLanguages(core.db, 'en')).toMatchObject({ basis: 'interface', zh: 0, en: 1, needed: ['en'] });
    expect(pick(laptop, customerLanguages(core.db, 'zh'))!.languages.zh).toBe('good');
    createCustomer(core.sqlite, { name: '李娜', phone: '+86 138 0000 0002' });
    expect(customerLanguages(core.db, 'en')).toMatchObject({ basis: 'customers', count: 1, zh: 1, needed: ['zh'] });
  });

  it('recommends a larger model to a machine with a big graphics card', () => {
    const both = mix(0.6, 0.4);
    const small = pick(laptop, both)!;
    expect(pick(gpu(4), both)).toMatchObject({ id: 'qwen3-4b', fit: 'gpu' });
    const big = pick(gpu(24), both)!;
    expect(big).toMatchObject({ id: 'qwen3-8b', fit: 'gpu', languages: { zh: 'good', en: 'good' } });
    expect(big.parameters).toBeGreaterThan(small.parameters);
    // An 8B runs on a 16 GB laptop's CPU, but too slowly to be the recommendation.
    expect(recommend({ ...laptop, ramTotal: 16 * GB }, both).find((m) => m.id === 'qwen3-8b')).toMatchObject({ fit: 'cpu', recommended: false });
  });

  it('puts the languages in the model page’s catalog, so both interfaces recommend the same model', async () => {
    const { core } = fresh();
    shop(core, 6, 4);
    const [en, zh] = [await core.models.catalog('en'), await core.models.catalog('zh')];
    expect(en.languages).toMatchObject({ basis: 'messages', needed: ['zh', 'en'] });
    const recommended = (c: typeof en) => c.models.filter((m) => m.recommended).map((m) => m.id);
    expect(recommended(en)).toEqual(recommended(zh));
    for (const m of en.models.filter((x) => x.recommended)) expect(m.languages).toMatchObject({ zh: 'good', en: 'good' });
  });
});

describe('the reason in words', () => {
  async function tFor(lng: 'en' | 'zh') {
    const i = i18next.createInstance();
    await i.init({ lng, fallbackLng: false, resources: { en: { translation: EN }, zh: { translation: ZH } }, interpolation: { escapeValue: false } });
    return i.t;
  }
  const good = { languages: { zh: 'good', en: 'good', other: 'fair' } } as const;
  const both = { zh: 0.6, en: 0.4, other: 0, count: 20, basis: 'messages' as const, needed: ['zh' as const, 'en' as const] };

  it('says which languages the customers write in and what that asks of the model, natively in both languages', async () => {
    expect(recommendationReason(both, good, await tFor('en'), 'en')).toBe(
      'Going by the 20 messages they have sent, your customers write in Chinese and English (60% Chinese and 40% English). Recommended: the largest model that runs smoothly on this computer and writes Chinese and English well.',
    );
    expect(recommendationReason(both, good, await tFor('zh'), 'zh')).toBe(
      '根据客户发来的 20 条消息，您的客户用中文和英文写信（中文占 60%，英文占 40%）。推荐的是这台电脑能流畅运行、又能写好中文和英文的最大的模型。',
    );
  });

  it('says when it went by the customers or the interface, and when no model writes every language well', async () => {
    const en = await tFor('en');
    expect(recommendationReason({ zh: 0, en: 1, other: 0, count: 1, basis: 'customers', needed: ['en'] }, undefined, en, 'en')).toBe(
      'No messages from customers yet; going by the language of your one customer, they write in English.',
    );
    expect(recommendationReason({ zh: 1, en: 0, other: 0, count: 0, basis: 'interface', needed: ['zh'] }, good, await tFor('zh'), 'zh')).toMatch(/^还没有客户，所以先按 Patron 的界面语言（中文）推荐/);
    const llama = { languages: { zh: 'fair', en: 'good', other: 'good' } } as const;
    expect(recommendationReason(both, llama, en, 'en')).toMatch(/No model that runs smoothly on this computer writes all of these well/);
  });
});

describe('Qwen3 without its thinking', () => {
  const history: ChatHistoryItem[] = [{ type: 'system', text: 'Be brief.' }, { type: 'user', text: 'Hello' }, { type: 'model', response: [] }];
  const prompt = (template: string, architecture: string) =>
    resolveChatWrapper({ fileInfo: { metadata: { general: { architecture }, tokenizer: { chat_template: template } } } as never, ...withoutThinking(template) } as never)!
      .generateContextState({ chatHistory: history })
      .contextText.toString();

  it('starts a Qwen3 reply after an empty thought, its non-thinking mode', () => {
    // Left alone, node-llama-cpp lets Qwen3 think first.
    const thinking = resolveChatWrapper({ fileInfo: { metadata: { general: { architecture: 'qwen3' }, tokenizer: { chat_template: QWEN3_TEMPLATE } } } as never } as never)!;
    expect(thinking.generateContextState({ chatHistory: history }).contextText.toString()).toMatch(/<\|im_start\|>assistant\n$/);
    expect(prompt(QWEN3_TEMPLATE, 'qwen3')).toMatch(/<\|im_start\|>user\nHello<\|im_end\|>\n<\|im_start\|>assistant\n<think>\n\n<\/think>\n\n$/);
  });

  it('leaves models without a thinking switch as they are', () => {
    const chatml = '{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}';
    expect(withoutThinking(chatml)).toBeUndefined();
    expect(withoutThinking(undefined)).toBeUndefined();
    expect(prompt(chatml, 'qwen2')).not.toMatch(/think/);
  });
});

/** Qwen3's chat template (tokenizer_config.json of the Qwen3 models, Apache-2.0), as its GGUFs carry it. */
const QWEN3_TEMPLATE = String.raw`{%- if tools %}
    {{- '<|im_start|>system\n' }}
    {%- if messages[0].role == 'system' %}
        {{- messages[0].content + '\n\n' }}
    {%- endif %}
    {{- "# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>" }}
    {%- for tool in tools %}
        {{- "\n" }}
        {{- tool | tojson }}
    {%- endfor %}
    {{- "\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n" }}
{%- else %}
    {%- if messages[0].role == 'system' %}
        {{- '<|im_start|>system\n' + messages[0].content + '<|im_end|>\n' }}
    {%- endif %}
{%- endif %}
{%- set ns = namespace(multi_step_tool=true, last_query_index=messages|length - 1) %}
{%- for message in messages[::-1] %}
    {%- set index = (messages|length - 1) - loop.index0 %}
    {%- if ns.multi_step_tool and message.role == "user" and message.content is string and not(message.content.startswith('<tool_response>') and message.content.endswith('</tool_response>')) %}
        {%- set ns.multi_step_tool = false %}
        {%- set ns.last_query_index = index %}
    {%- endif %}
{%- endfor %}
{%- for message in messages %}
    {%- if message.content is string %}
        {%- set content = message.content %}
    {%- else %}
        {%- set content = '' %}
    {%- endif %}
    {%- if (message.role == "user") or (message.role == "system" and not loop.first) %}
        {{- '<|im_start|>' + message.role + '\n' + content + '<|im_end|>' + '\n' }}
    {%- elif message.role == "assistant" %}
        {%- set reasoning_content = '' %}
        {%- if message.reasoning_content is string %}
            {%- set reasoning_content = message.reasoning_content %}
        {%- else %}
            {%- if '</think>' in content %}
                {%- set reasoning_content = content.split('</think>')[0].rstrip('\n').split('<think>')[-1].lstrip('\n') %}
                {%- set content = content.split('</think>')[-1].lstrip('\n') %}
            {%- endif %}
        {%- endif %}
        {%- if loop.index0 > ns.last_query_index %}
            {%- if loop.last or (not loop.last and reasoning_content) %}
                {{- '<|im_start|>' + message.role + '\n<think>\n' + reasoning_content.strip('\n') + '\n</think>\n\n' + content.lstrip('\n') }}
            {%- else %}
                {{- '<|im_start|>' + message.role + '\n' + content }}
            {%- endif %}
        {%- else %}
            {{- '<|im_start|>' + message.role + '\n' + content }}
        {%- endif %}
        {%- if message.tool_calls %}
            {%- for tool_call in message.tool_calls %}
                {%- if (loop.first and content) or (not loop.first) %}
                    {{- '\n' }}
                {%- endif %}
                {%- if tool_call.function %}
                    {%- set tool_call = tool_call.function %}
                {%- endif %}
                {{- '<tool_call>\n{"name": "' }}
                {{- tool_call.name }}
                {{- '", "arguments": ' }}
                {%- if tool_call.arguments is string %}
                    {{- tool_call.arguments }}
                {%- else %}
                    {{- tool_call.arguments | tojson }}
                {%- endif %}
                {{- '}\n</tool_call>' }}
            {%- endfor %}
        {%- endif %}
        {{- '<|im_end|>\n' }}
    {%- elif message.role == "tool" %}
        {%- if loop.first or (messages[loop.index0 - 1].role != "tool") %}
            {{- '<|im_start|>user' }}
        {%- endif %}
        {{- '\n<tool_response>\n' }}
        {{- content }}
        {{- '\n</tool_response>' }}
        {%- if loop.last or (messages[loop.index0 + 1].role != "tool") %}
            {{- '<|im_end|>\n' }}
        {%- endif %}
    {%- endif %}
{%- endfor %}
{%- if add_generation_prompt %}
    {{- '<|im_start|>assistant\n' }}
    {%- if enable_thinking is defined and enable_thinking is false %}
        {{- '<think>\n\n</think>\n\n' }}
    {%- endif %}
{%- endif %}`;
