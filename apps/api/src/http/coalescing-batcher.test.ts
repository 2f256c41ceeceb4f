import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CoalescingBatcher, settle, type BatchOutcome } from "./coalescing-batcher.js";

/** A run whose batches the test finishes by hand, recording what each batch held. */
function manualRun<Input>() {
  const batches: Input[][] = [];
  const finishers: (() => void)[] = [];
  const run = (inputs: readonly Input[]): Promise<BatchOutcome<string>[]> => {
    batches.push([...inputs]);
    return new Promise((resolve) => finishers.push(() => { resolve(inputs.map((input) => ({ ok: true, value: `done:${String(input)}` }))); }));
  };
  return { batches, finishers, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("CoalescingBatcher", () => {
  it("runs an item alone at once when idle, and gathers the items that arrive meanwhile into one batch", async () => {
    const { batches, finishers, run } = manualRun<number>();
    const batcher = new CoalescingBatcher(run, { maxBatchSize: 10, maxConcurrentBatches: 1 });
    const first = batcher.submit(1);
    const later = [batcher.submit(2), batcher.submit(3), batcher.submit(4)];
    expect(batches).toEqual([[1]]);
    finishers[0]?.();
    expect(await first).toBe("done:1");
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    finishers[1]?.();
    expect(await Promise.all(later)).toEqual(["done:2", "done:3", "done:4"]);
  });

  it("keeps to maxBatchSize and maxConcurrentBatches", async () => {
    const { batches, finishers, run } = manualRun<number>();
    const batcher = new CoalescingBatcher(run, { maxBatchSize: 2, maxConcurrentBatches: 2 });
    const all = [1, 2, 3, 4, 5, 6, 7].map((n) => batcher.submit(n));
    // Two run at once (1 and 2 started alone, one each); the rest wait in batches of at most two.
    expect(batches).toEqual([[1], [2]]);
    finishers[0]?.();
    await tick();
    expect(batches).toEqual([[1], [2], [3, 4]]);
    finishers[1]?.();
    finishers[2]?.();
    await tick();
    await tick();
    expect(batches).toEqual([[1], [2], [3, 4], [5, 6], [7]]);
    finishers[3]?.();
    finishers[4]?.();
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `done:${n}`));
  });

  it("rejects only the item whose outcome is an error", async () => {
    const batcher = new CoalescingBatcher<number, number>(
      (inputs) => Promise.resolve(inputs.map((n) => (n % 2 === 0 ? { ok: true, value: n * 10 } : { ok: false, error: new Error(`odd ${n}`) }))),
      { maxBatchSize: 10, maxConcurrentBatches: 1 },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => batcher.submit(n)));
    expect(results.map((result) => (result.status === "fulfilled" ? result.value : (result.reason as Error).message))).toEqual(["odd 1", 20, "odd 3", 40]);
  });

  it("rejects every item of a batch that throws, and keeps serving later items", async () => {
    let calls = 0;
    const batcher = new CoalescingBatcher<number, number>(
      (inputs) => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error("database gone")) : Promise.resolve(inputs.map((n) => ({ ok: true, value: n })));
      },
      { maxBatchSize: 10, maxConcurrentBatches: 1 },
    );
    await expect(batcher.submit(1)).rejects.toThrow("database gone");
    expect(await batcher.submit(2)).toBe(2);
  });

  it("rejects a batch whose run answers the wrong number of outcomes instead of guessing", async () => {
    const batcher = new CoalescingBatcher<number, number>(() => Promise.resolve([]), { maxBatchSize: 10, maxConcurrentBatches: 1 });
    await expect(batcher.submit(1)).rejects.toThrow("a batch of 1 answered 0 outcomes");
  });

  it("refuses limits that are not positive integers", () => {
    const run = () => Promise.resolve([]);
    expect(() => new CoalescingBatcher(run, { maxBatchSize: 0, maxConcurrentBatches: 1 })).toThrow(RangeError);
    expect(() => new CoalescingBatcher(run, { maxBatchSize: 1, maxConcurrentBatches: 1.5 })).toThrow(RangeError);
  });

  it("property: every submitted item gets exactly its own answer, whatever the limits and arrival pattern", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        async (pauses, maxBatchSize, maxConcurrentBatches) => {
          const seen: number[] = [];
          const batcher = new CoalescingBatcher<number, number>(
            async (inputs) => {
              expect(inputs.length).toBeLessThanOrEqual(maxBatchSize);
              seen.push(...inputs);
              await tick();
              return inputs.map((n) => ({ ok: true, value: n * 2 }));
            },
            { maxBatchSize, maxConcurrentBatches },
          );
          const answers: Promise<number>[] = [];
          for (const [index, pause] of pauses.entries()) {
            answers.push(batcher.submit(index));
            for (let i = 0; i < pause; i++) await tick();
          }
          expect(await Promise.all(answers)).toEqual(pauses.map((_, index) => index * 2));
          expect([...seen].sort((a, b) => a - b)).toEqual(pauses.map((_, index) => index));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("settle", () => {
  it("turns a value or a throw into an outcome", async () => {
    expect(await settle(() => Promise.resolve(3))).toEqual({ ok: true, value: 3 });
    const failure = new Error("no");
    expect(await settle(() => Promise.reject(failure))).toEqual({ ok: false, error: failure });
  });
});
