import type { SeatEvent, SeatHistory, UserAssignedEvent } from "../history/seat-event.js";

/** No node: the end of a list. */
export const NO_NODE = -1;

/**
 * Storage for the assignment nodes of one fold. A node is the index of its `user-assigned` event
 * in the history, and the links live in typed arrays, so that 100,000 assignments allocate no
 * objects of their own (the evaluator must stay within a small factor of a plain sort).
 */
export class AssignmentNodes {
  readonly #history: SeatHistory;
  readonly #assignedMs: Float64Array;
  /** Previous / next node in the product's order, or {@link NO_NODE}. */
  readonly prev: Int32Array;
  readonly next: Int32Array;

  /**
   * @param history the folded history
   * @param eventMs epoch ms of every event, by index
   */
  constructor(history: SeatHistory, eventMs: Float64Array) {
    this.#history = history;
    this.#assignedMs = eventMs;
    this.prev = new Int32Array(history.length).fill(NO_NODE);
    this.next = new Int32Array(history.length).fill(NO_NODE);
  }

  /** The assignment event of a node. */
  assignment(node: number): UserAssignedEvent {
    return this.#history[node] as SeatEvent as UserAssignedEvent;
  }

  /** Epoch ms of the node's assignment. */
  assignedMs(node: number): number {
    return this.#assignedMs[node] as number;
  }

  /** The S6 order: earlier assignment first, equal instants by user id (code-unit order). */
  before(a: number, b: number): boolean {
    const msA = this.assignedMs(a);
    const msB = this.assignedMs(b);
    return msA < msB || (msA === msB && this.assignment(a).userId < this.assignment(b).userId);
  }
}

/**
 * The users with access to one product, in assignment order (S6, S7). A doubly linked list with
 * an index by user: appending (the fold meets assignments in time order), removing anyone
 * (unassignment) and taking from the end (suspension) are O(1), and the "must be paid" list is
 * read from the end, so nothing is O(n) per event.
 */
export class SeatOrder {
  readonly #nodes: AssignmentNodes;
  #head = NO_NODE;
  #tail = NO_NODE;
  readonly #byUser = new Map<string, number>();

  constructor(nodes: AssignmentNodes) {
    this.#nodes = nodes;
  }

  /** Number of users with access. */
  get size(): number {
    return this.#byUser.size;
  }

  /** The last-assigned node, or {@link NO_NODE}. */
  get last(): number {
    return this.#tail;
  }

  /** The node of `userId`, if the user has access. */
  nodeOf(userId: string): number | undefined {
    return this.#byUser.get(userId);
  }

  /**
   * Adds a node at its place in the order, or returns `false` (and changes nothing) when its
   * user already has access. New assignments belong at the end, so the search walks backwards
   * from there; restored users (S9) usually belong near the end too.
   */
  insert(node: number): boolean {
    const users = this.#byUser.size;
    const userId = this.#nodes.assignment(node).userId;
    // One hash operation instead of a lookup plus an insertion: this runs once per assignment.
    this.#byUser.set(userId, node);
    if (this.#byUser.size === users) {
      // The user was there already: put their linked node back (rare path, a refused command).
      this.#byUser.set(userId, this.#findNode(userId) ?? NO_NODE);
      return false;
    }
    const { prev, next } = this.#nodes;
    let after = this.#tail;
    while (after !== NO_NODE && this.#nodes.before(node, after)) after = prev[after] as number;
    const following = after === NO_NODE ? this.#head : (next[after] as number);
    prev[node] = after;
    next[node] = following;
    if (following === NO_NODE) this.#tail = node;
    else prev[following] = node;
    if (after === NO_NODE) this.#head = node;
    else next[after] = node;
    return true;
  }

  /** The linked node of `userId`, found by walking the list (only after a refused insert). */
  #findNode(userId: string): number | undefined {
    for (let node = this.#tail; node !== NO_NODE; node = this.#nodes.prev[node] as number) {
      if (this.#nodes.assignment(node).userId === userId) return node;
    }
    return undefined;
  }

  /** Removes a node that is in this order. */
  remove(node: number): void {
    const { prev, next } = this.#nodes;
    const before = prev[node] as number;
    const following = next[node] as number;
    if (before === NO_NODE) this.#head = following;
    else next[before] = following;
    if (following === NO_NODE) this.#tail = before;
    else prev[following] = before;
    prev[node] = NO_NODE;
    next[node] = NO_NODE;
    this.#byUser.delete(this.#nodes.assignment(node).userId);
  }

  /** The last `count` nodes, in assignment order (earliest first). */
  lastNodes(count: number): number[] {
    const nodes = new Array<number>(count);
    let node = this.#tail;
    for (let i = count - 1; i >= 0 && node !== NO_NODE; i--) {
      nodes[i] = node;
      node = this.#nodes.prev[node] as number;
    }
    return nodes;
  }
}
