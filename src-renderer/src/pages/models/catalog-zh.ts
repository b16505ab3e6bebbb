// Chinese wording of the catalog's one-line summaries (models/catalog.json carries English only).
// A model the catalog adds later shows its English summary until a line is added here.
export const SUMMARY_ZH: Record<string, string> = {
  'qwen2.5-0.5b-instruct': '最小、最快，任何笔记本都能跑；打标签、写短回复够用，长摘要较弱。',
  'qwen2.5-1.5b-instruct': '中英文都不错，笔记本上速度也快：没有独立显卡时的首选。',
  'gemma-2-2b-it': '以它的体量来说英文写作很流畅；中文能用，但不如通义千问。',
  'qwen2.5-3b-instruct': '摘要和回复明显好于 1.5B；许可证不允许商业用途。',
  'llama-3.2-3b-instruct': '英文和欧洲语言很强；官方不支持中文。',
  'qwen2.5-7b-instruct': '这里中英文质量最好的一款；需要 6 GB 以上显存的显卡（只用 CPU 会很慢）。',
  'llama-3.1-8b-instruct': '英文写作出色；需要 6 GB 以上显存的显卡才用得顺手。',
};
