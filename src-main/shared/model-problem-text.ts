// The local model's problems in English and Chinese (see model-problems.ts); problem-text-en.ts and
// problem-text-zh.ts take them into the one table per language.
import type { ModelFileReason, ModelProblemCode, ModelProblemParams } from './model-problems';

type Messages = { [K in ModelProblemCode]: (p: ModelProblemParams[K]) => string };
type FileParams = ModelProblemParams['model_invalid'];

const en = (file?: string, none = 'the model file') => (file ? `“${file}”` : none);
const zh = (file?: string) => (file ? `“${file}”` : '此模型文件');

const INVALID_EN: Record<ModelFileReason, (f: string, p: FileParams) => string> = {
  not_gguf: (f) => `${f} is not a GGUF model file.`,
  unsupported_version: (f, p) => `${f} uses GGUF version ${p.version ?? '?'}, which Patron cannot read.`,
  truncated: (f) => `${f} is incomplete: the download or copy was cut off. Download or copy it again.`,
  corrupt: (f) => `${f} is damaged: its header cannot be read.`,
  no_architecture: (f) => `${f} does not say which kind of model it is.`,
  unsupported_architecture: (f, p) => `${f} is a “${p.arch ?? '?'}” model, which the model runtime in Patron cannot run. Choose another model.`,
  split: (f) => `${f} is one part of a model split into several files. Use a single-file .gguf.`,
  missing_keys: (f, p) => `${f} lacks settings a ${p.arch ?? ''} model needs (${(p.keys ?? []).join(', ')}): it is damaged or was made by a faulty converter.`,
  no_tokenizer: (f) => `${f} has no tokenizer, so it cannot read or write text.`,
  no_weights: (f) => `${f} contains no weights.`,
  folder: (f) => `${f} is a folder, not a model file.`,
  unreadable: (f) => `${f} could not be read.`,
};

const INVALID_ZH: Record<ModelFileReason, (f: string, p: FileParams) => string> = {
  not_gguf: (f) => `${f}不是 GGUF 模型文件。`,
  unsupported_version: (f, p) => `${f}使用 GGUF 第 ${p.version ?? '?'} 版格式，Patron 无法读取。`,
  truncated: (f) => `${f}不完整：下载或复制时被中断了。请重新下载或复制。`,
  corrupt: (f) => `${f}已损坏，无法读取文件头。`,
  no_architecture: (f) => `${f}没有注明是哪种模型。`,
  unsupported_architecture: (f, p) => `${f}是“${p.arch ?? '?'}”架构的模型，Patron 内置的模型运行环境无法运行它。请换一个模型。`,
  split: (f) => `${f}只是拆分成多个文件的模型中的一部分。请使用单个文件的 .gguf 模型。`,
  missing_keys: (f, p) => `${f}缺少 ${p.arch ?? ''} 模型必需的设置（${(p.keys ?? []).join('、')}）：文件已损坏，或由有缺陷的转换工具生成。`,
  no_tokenizer: (f) => `${f}没有分词器，无法读写文字。`,
  no_weights: (f) => `${f}不包含模型权重。`,
  folder: (f) => `${f}是文件夹，不是模型文件。`,
  unreadable: (f) => `无法读取${f}。`,
};

function refusedEn(p: ModelProblemParams['download_refused']): string {
  const server = p.host ? `The server ${p.host}` : 'The server';
  const what = en(p.file);
  if (p.status === 404 || p.status === 410) return `${server} does not have ${what} (HTTP ${p.status}). Check the address or choose another download source.`;
  if (p.status === 401 || p.status === 403) return `${server} refused to send ${what} (HTTP ${p.status}): it needs a sign-in or does not allow the download.`;
  return `${server} answered HTTP ${p.status ?? '?'} instead of sending ${what}. Try again later or choose another download source.`;
}

function refusedZh(p: ModelProblemParams['download_refused']): string {
  const server = p.host ? `服务器 ${p.host} ` : '服务器';
  const what = zh(p.file);
  if (p.status === 404 || p.status === 410) return `${server}上没有${what}（HTTP ${p.status}）。请检查地址，或换一个下载来源。`;
  if (p.status === 401 || p.status === 403) return `${server}拒绝发送${what}（HTTP ${p.status}）：需要登录，或不允许下载。`;
  return `${server}返回了 HTTP ${p.status ?? '?'}，没有发送${what}。请稍后重试，或换一个下载来源。`;
}

export const MODEL_PROBLEM_EN: Messages = {
  model_missing: (p) =>
    p.file
      ? `The model ${en(p.file)} is no longer in the models folder. Download or import it again, or choose another.`
      : 'No AI model is installed yet. Download one or import a .gguf file on the AI model page; everything else works without it.',
  model_invalid: (p) => INVALID_EN[p.reason ?? 'unreadable'](en(p.file, 'This model file'), p),
  model_load_failed: (p) => `The model runtime could not load ${en(p.file)}: the file is damaged or needs a newer version of llama.cpp. Choose another model.`,
  model_out_of_memory: (p) => `There is not enough memory to load ${en(p.file)}. Close other programs, or choose a smaller model.`,
  model_crashed: (p) =>
    p.during === 'load'
      ? `Loading ${en(p.file)} stopped the model process: the file is damaged or not supported. The rest of Patron keeps working.`
      : `The model process stopped unexpectedly${p.file ? ` while running “${p.file}”` : ''}. It starts again the next time it is needed.`,
  model_output_invalid: () => 'The AI model gave an answer that could not be used. Try again, or use a larger model.',
  download_failed: (p) =>
    p.reason === 'redirects'
      ? `The server sent the download of ${en(p.file)} to too many other addresses.`
      : p.reason === 'bad_resume'
        ? `The server could not continue the download of ${en(p.file)} from where it stopped. Try again to start it over.`
        : p.reason === 'network'
          ? `The download of ${en(p.file)} stopped: the connection was lost. Try again to continue from where it stopped.`
          : `The download of ${en(p.file)} failed. Try again.`,
  download_refused: refusedEn,
  download_checksum: (p) =>
    `The downloaded file${p.file ? ` “${p.file}”` : ''} does not match the checksum ${p.check === 'server' ? 'the server stated' : 'in Patron’s catalog'}: it was damaged on the way and has been deleted. Try again, or choose another download source.`,
  download_disk_full: (p) => `There is not enough disk space for ${en(p.file)}. Free some space, then try again.`,
};

export const MODEL_PROBLEM_ZH: Messages = {
  model_missing: (p) =>
    p.file
      ? `模型${zh(p.file)}已不在模型文件夹中。请重新下载或导入，或改用其他模型。`
      : '还没有安装 AI 模型。请在“AI 模型”页面下载一个，或导入 .gguf 文件；其他功能不受影响。',
  model_invalid: (p) => INVALID_ZH[p.reason ?? 'unreadable'](zh(p.file), p),
  model_load_failed: (p) => `模型运行环境无法加载${zh(p.file)}：文件已损坏，或需要更新版本的 llama.cpp。请换一个模型。`,
  model_out_of_memory: (p) => `内存不足，无法加载${zh(p.file)}。请关闭其他程序，或换一个更小的模型。`,
  model_crashed: (p) =>
    p.during === 'load'
      ? `加载${zh(p.file)}时模型进程意外退出：文件已损坏或不受支持。Patron 的其他功能不受影响。`
      : `${p.file ? `运行“${p.file}”时` : ''}模型进程意外停止，下次需要时会自动重新启动。`,
  model_output_invalid: () => 'AI 模型给出的回答无法使用。请重试，或换用更大的模型。',
  download_failed: (p) =>
    p.reason === 'redirects'
      ? `服务器把${zh(p.file)}的下载转到了太多其他地址。`
      : p.reason === 'bad_resume'
        ? `服务器无法从中断处继续下载${zh(p.file)}。请重试，从头开始下载。`
        : p.reason === 'network'
          ? `${zh(p.file)}的下载中断了：网络连接断开。请重试，将从中断处继续下载。`
          : `${zh(p.file)}下载失败。请重试。`,
  download_refused: refusedZh,
  download_checksum: (p) =>
    `下载的${zh(p.file)}与${p.check === 'server' ? '服务器提供' : 'Patron 模型目录中'}的校验值不符：文件在传输中损坏，已被删除。请重试，或换一个下载来源。`,
  download_disk_full: (p) => `磁盘空间不足，无法保存${zh(p.file)}。请腾出空间后重试。`,
};
