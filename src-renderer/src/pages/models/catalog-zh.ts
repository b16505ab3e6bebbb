// Chinese wording of the catalog's one-line summaries (models/catalog.json carries English only).
// A model the catalog adds later shows its English summary until a line is added here.
export const SUMMARY_ZH: Record<string, string> = {
  'qwen3-0.6b': '目前最小的一款：任何笔记本上打标签、写短回复都很快，长摘要较弱。',
  'qwen3-1.7b': '中英文都写得好，普通笔记本就能跑，比 Qwen2.5 1.5B 更强：没有独立显卡时的首选。',
  'qwen3-4b': '回复草稿和摘要明显好于 1.7B，中英文都是；需要 4 GB 以上显存的显卡（只用 CPU 会很慢）。',
  'qwen3-8b': '这里中英文回复质量最好的一款；需要 6 GB 以上显存的显卡（只用 CPU 会很慢）。',
  'qwen2.5-0.5b-instruct': '小而快，任何笔记本都能跑；已被 Qwen3 0.6B 取代，但打标签、写短回复依然够用。',
  'qwen2.5-1.5b-instruct': '中英文都不错，笔记本上速度快，下载也小；依然能用，不过 Qwen3 1.7B 写得更好。',
  'gemma-2-2b-it': '以它的体量来说英文写作很流畅；中文能用，但不如通义千问。',
  'qwen2.5-3b-instruct': '摘要和回复明显好于 1.5B；许可证不允许商业用途。',
  'llama-3.2-3b-instruct': '英文和欧洲语言很强；官方不支持中文。',
  'qwen2.5-7b-instruct': '中英文都很好；依然能用，不过 Qwen3 8B 更新也更强。需要 6 GB 以上显存的显卡。',
  'llama-3.1-8b-instruct': '英文写作出色；需要 6 GB 以上显存的显卡才用得顺手。',
};
