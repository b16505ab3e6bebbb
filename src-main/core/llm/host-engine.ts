// Inside the model host process: one llama.cpp runtime, one model, one context with several
// sequences. Each sequence keeps its LlamaChat for the life of the context, so a prompt that
// starts like the sequence's previous one (the shared system prompt of bulk work) only
// evaluates what differs.
import {
  getLlama,
  GeneralChatWrapper,
  InsufficientMemoryError,
  LlamaChat,
  resolveChatWrapper,
  type ChatHistoryItem,
  type ChatWrapper,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaGrammar,
  type LlamaModel,
} from 'node-llama-cpp';
import { loadFailure } from './host-errors';
import { NO_THOUGHTS, withoutThinking } from './thinking';
import type { BatchItemResult, BatchParams, BatchResult, GenerateParams, GenerateResult, GpuInfo, GpuKind, HostError, LoadedInfo, LoadRequest } from './protocol';

interface Slot {
  sequence: LlamaContextSequence;
  chat: LlamaChat;
}

/** Thrown with what llama.cpp logged: loadModel itself only says "Failed to load model". */
export class EngineError extends Error {
  constructor(readonly error: HostError) {
    super(error.message);
  }
}

export class HostEngine {
  private llama: Llama | null = null;
  private model: LlamaModel | null = null;
  private context: LlamaContext | null = null;
  private wrapper: ChatWrapper | null = null;
  private free: Slot[] = [];
  private waiting: ((slot: Slot) => void)[] = [];
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();
  private readonly logTail: string[] = [];

  private async runtime(gpu: 'auto' | false): Promise<Llama> {
    if (this.llama) return this.llama;
    this.llama = await getLlama({
      gpu,
      // Never download or compile at run time: the prebuilt binaries come with the npm packages.
      build: 'never',
      logger: (level, message) => {
        const line = message.trim();
        if (!line || (level !== 'error' && level !== 'warn')) return;
        this.logTail.push(line);
        if (this.logTail.length > 30) this.logTail.shift();
      },
    });
    return this.llama;
  }

  async probe(gpu: 'auto' | false): Promise<GpuInfo> {
    const llama = await this.runtime(gpu);
    const vram = await llama.getVramState();
    return { gpu: llama.gpu as GpuKind, devices: llama.gpu ? await llama.getGpuDeviceNames() : [], vramTotal: vram.total, vramUsed: vram.used };
  }

  async load(req: LoadRequest): Promise<LoadedInfo> {
    const started = performance.now();
    const llama = await this.runtime(req.gpu);
    this.logTail.length = 0;
    // Lets tests on machines without a GPU prove the CPU fallback (runtime.ts) works.
    if (process.env.PATRON_LLM_SIMULATE_GPU_FAILURE === '1' && req.gpu !== false) {
      throw new EngineError(loadFailure(new Error('simulated GPU failure: out of device memory'), req.modelPath, [], 'cuda'));
    }
    try {
      this.model = await llama.loadModel({ modelPath: req.modelPath, gpuLayers: 'auto' });
    } catch (err) {
      // The real cause reaches the logger a moment after the rejection.
      await new Promise((r) => setTimeout(r, 100));
      throw new EngineError(loadFailure(err, req.modelPath, this.logTail, llama.gpu as GpuKind));
    }
    const model = this.model;
    let sequences = req.sequences;
    for (;;) {
      try {
        this.context = await model.createContext({ sequences, contextSize: { min: 512, max: req.contextSize }, threads: req.threads });
        break;
      } catch (err) {
        // Not enough memory for several sequences: one is still useful.
        if (err instanceof InsufficientMemoryError && sequences > 1) sequences = 1;
        else throw new EngineError(loadFailure(err, req.modelPath, this.logTail, llama.gpu as GpuKind));
      }
    }
    // resolveChatWrapper blocks for ~0.5 s: once per model, never per request. A model that can
    // think (Qwen3) runs in its non-thinking mode (thinking.ts).
    this.wrapper = resolveChatWrapper(model, withoutThinking(model.fileInfo.metadata.tokenizer?.chat_template)) ?? new GeneralChatWrapper();
    for (let i = 0; i < sequences; i++) {
      const sequence = this.context.getSequence();
      this.free.push({ sequence, chat: new LlamaChat({ contextSequence: sequence, chatWrapper: this.wrapper }) });
    }
    const vram = await llama.getVramState();
    return {
      modelPath: req.modelPath,
      gpu: llama.gpu as GpuKind,
      devices: llama.gpu ? await llama.getGpuDeviceNames() : [],
      vramTotal: vram.total,
      vramUsed: vram.used,
      gpuLayers: model.gpuLayers,
      totalLayers: model.fileInsights.totalLayers,
      threads: req.threads,
      sequences,
      contextSize: this.context.contextSize,
      chatWrapper: this.wrapper.wrapperName,
      loadMs: performance.now() - started,
      fallback: null,
    };
  }

  private acquire(): Promise<Slot> {
    const slot = this.free.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.free.push(slot);
  }

  private grammar(schema: object | undefined): Promise<LlamaGrammar> | undefined {
    if (!schema || !this.llama) return undefined;
    const key = JSON.stringify(schema);
    let g = this.grammars.get(key);
    if (!g) {
      g = this.llama.createGrammarForJsonSchema(schema as never) as Promise<LlamaGrammar>;
      g.catch(() => this.grammars.delete(key));
      if (this.grammars.size > 32) this.grammars.delete(this.grammars.keys().next().value!);
      this.grammars.set(key, g);
    }
    return g;
  }

  private async run(slot: Slot, system: string | undefined, prompt: string, opts: { maxTokens: number; temperature: number; grammar?: LlamaGrammar; signal: AbortSignal; onText?: (t: string) => void }) {
    const history: ChatHistoryItem[] = [...(system ? [{ type: 'system' as const, text: system }] : []), { type: 'user', text: prompt }, { type: 'model', response: [] }];
    const meter = slot.sequence.tokenMeter;
    const inputBefore = meter.usedInputTokens;
    const started = performance.now();
    let firstTokenAt = 0;
    let tokens = 0;
    const res = await slot.chat.generateResponse(history, {
      maxTokens: opts.maxTokens,
      temperature: opts.temperature,
      grammar: opts.grammar,
      budgets: NO_THOUGHTS,
      signal: opts.signal,
      stopOnAbortSignal: true,
      onToken: (t) => {
        if (tokens === 0) firstTokenAt = performance.now();
        tokens += t.length;
      },
      onTextChunk: opts.onText,
    });
    const ms = performance.now() - started;
    return {
      text: res.response,
      tokens,
      promptTokens: meter.usedInputTokens - inputBefore,
      ms,
      firstTokenMs: firstTokenAt ? firstTokenAt - started : ms,
      aborted: res.metadata.stopReason === 'abort',
    };
  }

  private requireModel(): void {
    if (!this.model || !this.context) throw new EngineError({ code: 'internal', message: 'No model is loaded in the model process.', params: {} });
  }

  async generate(p: GenerateParams, signal: AbortSignal, onChunk: (text: string) => void): Promise<GenerateResult> {
    this.requireModel();
    const grammar = await this.grammar(p.jsonSchema);
    const slot = await this.acquire();
    try {
      return await this.run(slot, p.system, p.prompt, { maxTokens: p.maxTokens, temperature: p.temperature, grammar, signal, onText: p.stream ? onChunk : undefined });
    } finally {
      this.release(slot);
    }
  }

  /** Items share the system prompt; up to `parallel` sequences work at once, each taking the next item. */
  async batch(p: BatchParams, signal: AbortSignal, onItem: (item: BatchItemResult) => void): Promise<BatchResult> {
    this.requireModel();
    const grammar = await this.grammar(p.jsonSchema);
    const total = this.free.length + this.waiting.length;
    // Keep a sequence free for interactive use (a summary, the try-it box) when there are several.
    const workers = Math.max(1, Math.min(p.parallel, p.prompts.length, total > 1 ? total - 1 : 1));
    const started = performance.now();
    const items: BatchItemResult[] = [];
    let next = 0;
    let tokens = 0;
    let promptTokens = 0;
    let firstTokenMs = 0;
    const worker = async () => {
      const slot = await this.acquire();
      try {
        while (next < p.prompts.length && !signal.aborted) {
          const index = next++;
          const r = await this.run(slot, p.system, p.prompts[index], { maxTokens: p.maxTokens, temperature: p.temperature, grammar, signal });
          if (r.aborted) break;
          tokens += r.tokens;
          promptTokens += r.promptTokens;
          if (!firstTokenMs) firstTokenMs = performance.now() - started;
          const item = { index, text: r.text, tokens: r.tokens };
          items.push(item);
          onItem(item);
        }
      } finally {
        this.release(slot);
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    items.sort((a, b) => a.index - b.index);
    return { items, tokens, promptTokens, ms: performance.now() - started, firstTokenMs, aborted: signal.aborted };
  }
}
