/** The signed-in person a request acts for. Services take it; they never read cookies. */
export type Actor = {
  id: string;
  name: string;
  email: string;
};

/** The public part of a person, as others in a seminar see them. */
export function toActor(user: { id: string; name: string; email: string }): Actor {
  return { id: user.id, name: user.name, email: user.email };
}
