/** What one item of a batch came to: its value, or the error only that item gets. */
export type BatchOutcome<Output> = { readonly ok: true; readonly value: Output } | { readonly ok: false; readonly error: unknown };

/** Runs a whole batch; the outcome at index `i` is `inputs[i]`'s. Throwing fails every item. */
export type BatchRun<Input, Output> = (inputs: readonly Input[]) => Promise<readonly BatchOutcome<Output>[]>;

/** Limits of a {@link CoalescingBatcher}. */
export interface CoalescingBatcherOptions {
  /** Most items in one batch. */
  readonly maxBatchSize: number;
  /** Most batches running at once; further items wait and form the next batch. */
  readonly maxConcurrentBatches: number;
}

interface Waiting<Input, Output> {
  readonly input: Input;
  readonly resolve: (value: Output) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent calls into batches without waiting for a timer: an item submitted while
 * fewer than `maxConcurrentBatches` batches run starts at once (alone, when the server is idle);
 * items submitted while the limit is reached queue up and run together as soon as a batch ends.
 * Under load, one round trip to the database then serves many requests instead of one each, and
 * a quiet server answers as fast as without batching.
 */
export class CoalescingBatcher<Input, Output> {
  readonly #run: BatchRun<Input, Output>;
  readonly #options: CoalescingBatcherOptions;
  readonly #queue: Waiting<Input, Output>[] = [];
  #running = 0;

  constructor(run: BatchRun<Input, Output>, options: CoalescingBatcherOptions) {
    if (!Number.isSafeInteger(options.maxBatchSize) || options.maxBatchSize < 1) throw new RangeError("maxBatchSize must be a positive integer");
    if (!Number.isSafeInteger(options.maxConcurrentBatches) || options.maxConcurrentBatches < 1) {
      throw new RangeError("maxConcurrentBatches must be a positive integer");
    }
    this.#run = run;
    this.#options = options;
  }

  /** Resolves with this input's value, or rejects with its error (or the whole batch's). */
  submit(input: Input): Promise<Output> {
    return new Promise<Output>((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      this.#startBatches();
    });
  }

  #startBatches(): void {
    while (this.#running < this.#options.maxConcurrentBatches && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#options.maxBatchSize);
      this.#running += 1;
      void this.#runBatch(batch).finally(() => {
        this.#running -= 1;
        this.#startBatches();
      });
    }
  }

  async #runBatch(batch: readonly Waiting<Input, Output>[]): Promise<void> {
    try {
      const outcomes = await this.#run(batch.map((waiting) => waiting.input));
      if (outcomes.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${outcomes.length} outcomes`);
      outcomes.forEach((outcome, index) => {
        const waiting = batch[index];
        if (waiting === undefined) return;
        if (outcome.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome.error);
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}

/** The outcome of `work`: its value, or what it threw. */
export async function settle<Output>(work: () => Promise<Output>): Promise<BatchOutcome<Output>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error };
  }
}
