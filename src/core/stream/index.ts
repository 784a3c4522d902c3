/** Stream assembly as offsets, SSE splitting and chunk timestamps. */
export { StreamAssembler, type AssembledResponse } from './assembler';
export { parseSseLines, isSseLineList } from './sse';
export { parseIsoTimestamp, secondsToMs, timestampOf } from './timestamps';
