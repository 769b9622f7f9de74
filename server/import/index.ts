export { type ImportKind, type ImportValues, importKinds, isImportKind, rowParsers } from './import-kinds.ts';
export {
  defaultImportBatchSize,
  defaultMaxImportErrors,
  type ImportBatch,
  ImportFileError,
  type ImportFormat,
  importFormatOf,
  importFormats,
  type ReadImportOptions,
  readImportFile,
} from './read-import-file.ts';
export { createProgress, type ImportProgress, type ProgressOptions } from './progress.ts';
export type {
  ImportCell,
  ImportContext,
  ImportError,
  ImportRecord,
  RowParser,
  RowResult,
} from './row-parser.ts';
