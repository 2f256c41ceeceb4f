/** `T` without `readonly` anywhere: the shape zod infers for a response schema. */
export type DeepMutable<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer Item)[]
    ? DeepMutable<Item>[]
    : T extends object
      ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
      : T;

/**
 * A domain value typed for a response schema. The domain packages return deeply readonly data;
 * zod infers mutable arrays. The data is the same and is only serialized, so no copy is made.
 */
export function asResponse<T>(value: T): DeepMutable<T> {
  return value as DeepMutable<T>;
}
