/**
 * The sandbox worker is kept between runs, so the lab library's models stay
 * loaded. A cell that patches a built-in (`Math.abs = () => 0`) would then
 * break every later run of correct code. The worker records the built-ins
 * once, before any cell runs; after a run it lists which of them the run
 * replaced or deleted, and the page starts a fresh worker for the next run.
 */

/* eslint-disable @typescript-eslint/prefer-for-of -- indexed loops: a cell may patch the array iterator */
// Taken now, before any cell runs: a cell that patches these cannot hide its other patches.
const ownKeys = Reflect.ownKeys;
const describe = Object.getOwnPropertyDescriptor;
const getPrototypeOf = Object.getPrototypeOf;
const same = Object.is;

/** One property as first seen: its key and what identifies it (value and writability, or accessors). */
interface Seen {
  key: PropertyKey;
  identity: [unknown, unknown];
}

function identity(d: PropertyDescriptor): [unknown, unknown] {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- compared, never called
  return "value" in d ? [d.value, d.writable] : [d.get, d.set];
}

function own(target: object): Seen[] {
  const props: Seen[] = [];
  const keys = ownKeys(target);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as PropertyKey;
    const d = describe(target, key);
    if (d) props[props.length] = { key, identity: identity(d) };
  }
  return props;
}

/** The global object, every object or function it holds, and their prototypes, with names. */
function intrinsics(global: object): { target: object; name: string }[] {
  // Taken before any cell runs, so a Map is safe here (only changed() must not trust built-ins).
  const found = new Map<object, string>([[global, "self"]]);
  const add = (value: unknown, name: string): void => {
    if ((typeof value === "object" || typeof value === "function") && value !== null)
      if (!found.has(value)) found.set(value, name);
  };
  for (const key of ownKeys(global)) {
    if (typeof key !== "string") continue;
    const d = describe(global, key);
    if (!d || !("value" in d)) continue;
    const value: unknown = d.value;
    add(value, key);
    if (typeof value === "function") {
      const proto = describe(value, "prototype");
      if (proto && "value" in proto) add(proto.value, `${key}.prototype`);
    }
  }
  // Reached only through other prototypes (the global's own realm).
  const realm = global as { Int8Array?: { prototype: object }; Array?: ArrayConstructor };
  if (realm.Int8Array) add(getPrototypeOf(realm.Int8Array.prototype), "TypedArray.prototype");
  if (realm.Array)
    add(getPrototypeOf(new realm.Array()[Symbol.iterator]()), "ArrayIterator.prototype");
  return [...found].map(([target, name]) => ({ target, name }));
}

export interface BuiltinsWatch {
  /** Built-ins a run replaced or deleted since the snapshot, e.g. "Math.abs". */
  changed(): string[];
}

/** Takes the snapshot now; `changed()` compares with it. */
export function watchBuiltins(global: object = globalThis): BuiltinsWatch {
  const snapshot = intrinsics(global).map(({ target, name }) => ({
    target,
    name,
    props: own(target),
  }));
  return {
    changed() {
      const out: string[] = [];
      for (let t = 0; t < snapshot.length; t++) {
        const { target, name, props } = snapshot[t] as (typeof snapshot)[number];
        for (let p = 0; p < props.length; p++) {
          const { key, identity: was } = props[p] as Seen;
          const d = describe(target, key);
          const is = d ? identity(d) : null;
          if (is === null || !same(is[0], was[0]) || !same(is[1], was[1]))
            out[out.length] = `${name}.${String(key)}`;
        }
      }
      return out;
    },
  };
}

/** The note under a run that changed built-ins (shown by the page, whose built-ins are intact). */
export function builtinsNotice(changed: readonly string[]): string {
  const n = changed.length;
  const names =
    n <= 2
      ? changed.join(" and ")
      : n === 3
        ? `${changed[0]}, ${changed[1]} and ${changed[2]}`
        : `${changed.slice(0, 2).join(", ")} and ${String(n - 2)} more built-ins`;
  return `This code replaced ${names}, which JavaScript itself provides, so code here may not behave as usual. The next run starts in a fresh sandbox without the change (the lab library's models load again).`;
}
