// Qwen3 thinks before it answers (<think>…</think>) unless told not to. Patron's generations (reply
// drafts, summaries, labels, structured JSON) want the answer alone: on a laptop a small model's
// thoughts spend the time and tokens the answer needs, and nothing ever shows them. So a model
// with a thinking switch runs with it off:
//  - Qwen3's chat template reads `enable_thinking` (its default is true: Qwen3 model card,
//    "Switching Between Thinking and Non-Thinking Mode"; qwen.readthedocs.io quickstart); with it
//    false the template starts the reply with an empty `<think>\n\n</think>\n\n`, the model's
//    trained non-thinking mode (the card's hard switch, firmer than the `/no_think` soft switch).
//  - node-llama-cpp 3.22 resolves a Qwen3 GGUF to its QwenChatWrapper, whose `thoughts: "discourage"`
//    writes that same empty thought at the start of the reply (dist/chatWrappers/QwenChatWrapper.js,
//    discourageThoughtsInModelResponse); when it keeps the model's own Jinja template instead,
//    its `reasoning: false` renders the template with `enable_thinking` false
//    (JinjaTemplateChatWrapperOptions.reasoning: "Whether to enable reasoning in the Jinja
//    template", default true).
//  - Whatever the wrapper, `budgets: { thoughtTokens: 0 }` on generateResponse closes a thought
//    the model opens anyway as soon as it opens (LlamaChat.d.ts, LLamaChatGenerateResponseOptions
//    `budgets`); its text never reaches the reply (onTextChunk and `response` carry the main
//    response only).
// Only templates that have the switch get it: prefilling think tags for a model that never learnt
// them (Qwen2.5, Llama, Gemma, the tests' tiny model) would put stray text in its prompt.
import type { ResolveChatWrapperWithModelOptions } from 'node-llama-cpp';

/** resolveChatWrapper options that turn a template's thinking switch off, if it has one. */
export function withoutThinking(chatTemplate: string | undefined): ResolveChatWrapperWithModelOptions | undefined {
  if (!chatTemplate?.includes('enable_thinking')) return undefined;
  return {
    customWrapperSettings: {
      qwen: { thoughts: 'discourage' },
      jinjaTemplate: { reasoning: false },
    },
  };
}

/** For every generation: no tokens spent on thoughts, whatever the model. */
export const NO_THOUGHTS = { thoughtTokens: 0 } as const;
