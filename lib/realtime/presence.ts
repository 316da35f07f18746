/**
 * Who is reading now: the open streams per room (one seminar on one reading). People
 * are listed once however many tabs they have open. In-process, like the memory bus;
 * several servers would keep these sets in the shared store instead.
 */

/** A person reading now, as the other members of the seminar see them. */
export type PresencePerson = { id: string; name: string };

type Connection = { person: PresencePerson; listener: (people: PresencePerson[]) => void };

export class PresenceHub {
  private readonly rooms = new Map<string, Set<Connection>>();

  /** The room of a seminar and a reading. */
  static room(seminarId: string, documentId: string): string {
    return `${seminarId}:${documentId}`;
  }

  /**
   * Adds a connection to a room. `listener` gets the room's people now and whenever
   * they change (a person arrives or leaves, not another tab of someone present).
   * Returns the function that takes the connection out again.
   */
  join(room: string, person: PresencePerson, listener: (people: PresencePerson[]) => void): () => void {
    const connection: Connection = { person, listener };
    const connections = this.rooms.get(room) ?? new Set<Connection>();
    this.rooms.set(room, connections);
    const before = this.people(room);
    connections.add(connection);
    const after = this.people(room);
    if (samePeople(before, after)) listener(after);
    else this.broadcast(room, after);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const previous = this.people(room);
      connections.delete(connection);
      if (connections.size === 0) this.rooms.delete(room);
      const now = this.people(room);
      if (!samePeople(previous, now)) this.broadcast(room, now);
    };
  }

  /** The distinct people in a room, by name then id. */
  people(room: string): PresencePerson[] {
    const byId = new Map<string, PresencePerson>();
    for (const { person } of this.rooms.get(room) ?? []) byId.set(person.id, person);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Open connections in all rooms (tests check that closed streams leave). */
  connectionCount(): number {
    let count = 0;
    for (const connections of this.rooms.values()) count += connections.size;
    return count;
  }

  private broadcast(room: string, people: PresencePerson[]): void {
    for (const connection of [...(this.rooms.get(room) ?? [])]) {
      try {
        connection.listener(people);
      } catch (error) {
        console.error("parallax: a presence listener failed", error);
      }
    }
  }
}

function samePeople(a: PresencePerson[], b: PresencePerson[]): boolean {
  return a.length === b.length && a.every((person, i) => person.id === b[i].id && person.name === b[i].name);
}

const globalForPresence = globalThis as unknown as { parallaxPresence?: PresenceHub };

/** The process-wide presence hub (on globalThis, like the bus). */
export function getPresence(): PresenceHub {
  return (globalForPresence.parallaxPresence ??= new PresenceHub());
}
