/**
 * `recorded(run, render, sink)`: runs one library command with a RecordingIoHost and appends everything it reported
 * (messages, steps, the result and its text, or the error) to `sink`, which the tests' no-secret checks read.
 */
import { RecordingIoHost } from '../core/io';

export async function recorded<R>(run: (io: RecordingIoHost) => Promise<R>, render: (r: R) => string, sink: string[]): Promise<R> {
  const io = new RecordingIoHost();
  try {
    const r = await run(io);
    sink.push(JSON.stringify(r), render(r));
    return r;
  } catch (e) {
    sink.push(JSON.stringify(e), String((e as Error).message), String((e as Error).stack));
    throw e;
  } finally {
    sink.push(JSON.stringify(io.messages), JSON.stringify(io.steps));
  }
}
