import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { DEVICE_REQUESTS, type DeviceRequest } from '../../corrector/contract.js';
import { QueueError } from '../../batch/redis.js';
import { startWorker } from '../../batch/worker.js';
import type { CliCommand, CliIo } from '../context.js';
import { UserError } from '../errors.js';

interface WorkerCommandOptions {
  queue: string;
  model?: string;
  device: DeviceRequest;
  threads?: string;
  lockSeconds: string;
  quiet?: boolean;
}

export const workerCommand: CliCommand = {
  name: 'worker',
  register(program: Command, io: CliIo): void {
    program
      .command('worker')
      .description(
        'serve `neko batch` jobs from a queue: loads the model once and corrects one document after another until stopped (Ctrl-C finishes the job in hand)',
      )
      .requiredOption('--queue <url>', 'the Redis of the queue, redis://HOST:PORT')
      .option('--model <dir>', 'model directory (default: assets/models/neko-small)')
      .addOption(
        new Option('--device <device>', 'where the model runs; auto tries cuda, webgpu, then cpu')
          .choices([...DEVICE_REQUESTS])
          .default('auto'),
      )
      .option('--threads <n>', "onnxruntime's threads (default: every core)")
      .option(
        '--lock-seconds <s>',
        'a job whose worker died goes to another worker after about this long; keep it well above a network hiccup',
        '30',
      )
      .option('-q, --quiet', 'log only failures')
      .action((options: WorkerCommandOptions) => runWorker(options, io));
  },
};

export function parsePositiveInteger(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new UserError(`${option} must be a whole number of at least 1, not "${value}"`);
  }
  return number;
}

async function runWorker(options: WorkerCommandOptions, io: CliIo): Promise<void> {
  const threads =
    options.threads === undefined ? undefined : parsePositiveInteger(options.threads, '--threads');
  const lockSeconds = parsePositiveInteger(options.lockSeconds, '--lock-seconds');
  const log = (line: string): void => {
    if (options.quiet && !line.startsWith('failed') && !line.startsWith('queue error')) return;
    io.stdout.write(`neko worker ${new Date().toISOString()} ${line}\n`);
  };
  let worker;
  try {
    worker = await startWorker({
      queue: options.queue,
      device: options.device,
      lockSeconds,
      log,
      ...(options.model === undefined ? {} : { modelDirectory: resolve(options.model) }),
      ...(threads === undefined ? {} : { threads }),
    });
  } catch (error) {
    if (error instanceof QueueError) throw new UserError(error.message);
    throw error;
  }
  for (const warning of worker.warnings) io.stderr.write(`neko: warning: ${warning}\n`);
  // Runs until told to stop; the first signal lets the job in hand finish, a second one does not wait.
  await new Promise<void>((stop) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) process.exit(130);
      stopping = true;
      log(`${signal}: finishing the job in hand, then stopping (again to stop now)`);
      void worker.close().then(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        stop();
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  log('stopped');
}
