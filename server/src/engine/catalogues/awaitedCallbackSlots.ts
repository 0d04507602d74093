/**
 * The catalogue of library callback slots whose written type returns `void` but whose library
 * awaits the promise the callback returns and handles its rejection: an async function there
 * loses nothing, and no type question can tell (the types say less than the library does).
 * `misused-promise` leaves a function stored into one of these slots alone: it asks the oracle
 * which declaration the slot is (`TypeOracle.slotDeclarations`) and matches it here by module and
 * dotted name, never by the name written in the project (a project's own `PoolConfig` with an
 * `onConnect`, or another package's `onConnect`, is no record's).
 *
 * A record is added only from the library's source, read: what calls the slot, and what happens
 * to a rejection of the promise it returns.
 */
import type { DeclarationRef } from "../typeOracle";

export interface AwaitedCallbackSlot {
  /** The package (or ambient module) that declares the slot's type, as `DeclarationRef.module` names it (`@types/pg` is `pg`). */
  module: string;
  /** The interface or type alias that declares the member, as the first part of `DeclarationRef.qualifiedName`. */
  owner: string;
  /** The member (property or method) of `owner`. */
  member: string;
  /** The library versions whose source was read (a record holds from there on). */
  since: string;
  /** How the library awaits the promise and what it does with a rejection. */
  why: string;
}

export const AWAITED_CALLBACK_SLOTS: readonly AwaitedCallbackSlot[] = [
  {
    // @types/pg 8.23.1: `interface PoolConfig { onConnect?: ((client: ClientBase) => void) | undefined }`.
    // pg-pool 3.14.0, index.js `newClient`: `this._promiseTry(() => this.options.onConnect(client)).then(() =>
    // this._afterConnect(...), (hookErr) => { ...remove the client, client.end(), pendingItem.callback(hookErr) })`.
    module: "pg",
    owner: "PoolConfig",
    member: "onConnect",
    since: "pg-pool 3.14.0 with pg 8.23.1, the versions read; the first 3.x with the hook was not checked",
    why: "pg-pool waits for the promise the hook returns before handing the new client out, and a rejection fails that checkout: the client is ended, and `pool.connect()` or the query rejects with the hook's error",
  },
];

/** The member names of the catalogue: the syntactic gate before any type question. */
export const AWAITED_CALLBACK_SLOT_MEMBERS: ReadonlySet<string> = new Set(AWAITED_CALLBACK_SLOTS.map((slot) => slot.member));

/** The record a slot's declaration is, if any: same module, `owner.member` as its dotted name. */
export function awaitedCallbackSlotOf(ref: DeclarationRef): AwaitedCallbackSlot | undefined {
  return AWAITED_CALLBACK_SLOTS.find((slot) => slot.module === ref.module && ref.qualifiedName === `${slot.owner}.${slot.member}`);
}
