// Where a model can be downloaded from (mainland China reaches the mirrors, not Hugging Face).
export const DOWNLOAD_SOURCES = ['huggingface', 'hf-mirror', 'modelscope'] as const;
export type DownloadSource = (typeof DOWNLOAD_SOURCES)[number];
