/** A count with its noun: "1 note", "1,204 words". */
export const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
