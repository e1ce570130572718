// An object literal `{}` is made with room for four properties inside it, whatever it gets: a
// two-key extra (the usual size) wastes 16 bytes, and keys past the fourth go to a separate array
// (a seven-key object takes 96 bytes instead of 80). Objects made by a constructor are sized by V8
// to what its first few objects got ("slack tracking"), so one constructor per key count makes
// objects of exactly that many keys, up to about ten.

/** The most keys an object made by {@link sizedObject} is sized for (V8 starts with room for ten). */
export const MAX_SIZED_KEYS = 10;

type Maker = new () => Record<string, unknown>;
const makers: Maker[] = [];

/**
 * A constructor of objects that are plain objects in every way (prototype `Object.prototype`,
 * `constructor` `Object`). Its name is `Object`, taken from the property key (a bundler may rename
 * a function's own name, never a key), so that V8's messages and heap snapshots call them `Object`,
 * as they call `{}`.
 */
function newMaker(): Maker {
  // biome-ignore lint/complexity/useArrowFunction: a constructor (`new`); an arrow function is none
  const make = { Object: function () {} }.Object;
  make.prototype = Object.prototype;
  return make as unknown as Maker;
}

/**
 * A new empty plain object with room for exactly `keys` properties (from 1 to {@link MAX_SIZED_KEYS};
 * otherwise `{}`), for the caller to set them: 16 bytes less than `{}` for two keys.
 *
 * @example
 * ```ts
 * const out = sizedObject(dict.size); // then out[key] = value for each of the dict's keys
 * ```
 */
export function sizedObject(keys: number): Record<string, unknown> {
  if (!(keys >= 1 && keys <= MAX_SIZED_KEYS)) return {};
  let Make = makers[keys];
  if (!Make) {
    Make = newMaker();
    makers[keys] = Make;
  }
  return new Make();
}
