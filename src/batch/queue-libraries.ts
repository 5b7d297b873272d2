/**
 * BullMQ and ioredis, loaded when a queue is first used. Imported at the top of the modules that use
 * them, they were loaded by every `neko` command, `correct` and `--help` included: 0.17 s of each
 * start, for a feature most runs never touch.
 */
export const loadBullmq = (): Promise<typeof import('bullmq')> => import('bullmq');
export const loadIoredis = (): Promise<typeof import('ioredis')> => import('ioredis');
