// Type-level assertions for exact-mesh.ts and exact-front.ts.

/** `true` if A and B are the same type (not merely assignable both ways). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** `true` if every A is a B: where ours is deliberately wider, upstream → ours. */
export type Extends<A, B> = [A] extends [B] ? true : false;

/** Fails to compile unless T is `true`. */
export type Expect<T extends true> = T;
