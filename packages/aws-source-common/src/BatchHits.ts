import type { SourceHit } from "@awsconn/core";

/**
 * The answer of an AWS source's `getMany` when ids can fail one by one (a `DecryptionFailure` for
 * one secret of a Secrets Manager batch, the ids of an SSM `GetParameters` chunk that failed after
 * earlier chunks were answered): a `Map` of the hits whose `get(id)` and `has(id)` throw that id's own error, so a caller
 * reading id by id gets a per-id outcome (hit, absent = "not here", or the id's `SourceError`),
 * while one that iterates (`for...of`, `keys()`, `new Map(hits)`) gets the first failure thrown
 * rather than a silent gap: it can never mistake a failure for "not here".
 *
 * @example
 * ```ts
 * const hits = await sm.getMany(["a", "b"]);
 * hits.get("a");                 // SourceHit, or undefined ("not here")
 * hits.get("b");                 // throws b's SourceError (say DecryptionFailure)
 * (hits as BatchHits).failures;  // Map { "b" => SourceError }
 * (hits as BatchHits).settles("b"); // true: b has an outcome (a hit or a failure)
 * ```
 */
export class BatchHits extends Map<string, SourceHit> {
  /** The ids that failed, with their errors. */
  readonly failures = new Map<string, unknown>();

  /** Records the failure of one id (and forgets a hit for it). */
  fail(connId: string, error: unknown): void {
    super.delete(connId);
    this.failures.set(connId, error);
  }

  /** Whether `connId` has an outcome here, a hit or a failure (never throws). */
  settles(connId: string): boolean {
    return this.failures.has(connId) || super.has(connId);
  }

  /** Takes in the failures, then the hits, of `other` (ids this answer has no outcome for). */
  absorb(other: BatchHits): void {
    for (const [id, error] of other.failures) this.fail(id, error);
    for (const [id, hit] of Map.prototype.entries.call(other) as MapIterator<[string, SourceHit]>)
      this.set(id, hit);
  }

  override get(connId: string): SourceHit | undefined {
    if (this.failures.has(connId)) throw this.failures.get(connId);
    return super.get(connId);
  }

  override has(connId: string): boolean {
    if (this.failures.has(connId)) throw this.failures.get(connId);
    return super.has(connId);
  }

  override entries(): MapIterator<[string, SourceHit]> {
    this.throwFirstFailure();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.throwFirstFailure();
    return super.keys();
  }

  override values(): MapIterator<SourceHit> {
    this.throwFirstFailure();
    return super.values();
  }

  override forEach(
    callback: (value: SourceHit, key: string, map: Map<string, SourceHit>) => void,
    thisArg?: unknown,
  ): void {
    this.throwFirstFailure();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[string, SourceHit]> {
    return this.entries();
  }

  private throwFirstFailure(): void {
    for (const error of this.failures.values()) throw error;
  }
}
