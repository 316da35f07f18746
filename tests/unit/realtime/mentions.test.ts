import { describe, expect, it } from "vitest";
import { findMentions } from "@/lib/notifications/mentions";

const members = [
  { id: "helen", name: "Prof. Helen Park" },
  { id: "ana", name: "Ana Lima" },
  { id: "ben", name: "Ben Okafor" },
  { id: "benj", name: "Benjamin Ross" },
  { id: "chloe", name: "Chloé Martin" },
  { id: "ana2", name: "Ana Souza" },
];

describe("findMentions", () => {
  const cases: [string, string, string[]][] = [
    ["a full name", "Ask @Ben Okafor about it", ["ben"]],
    ["case and spacing do not matter", "@ben   OKAFOR, your turn", ["ben"]],
    ["a word only one member has", "@Okafor and @Helen", ["ben", "helen"]],
    ["a shared first name alone is ambiguous", "@Ana what do you think", []],
    ["a full name resolves the ambiguity", "@Ana Souza what do you think", ["ana2"]],
    ["accents count", "@Chloé yes, @Chloe no", ["chloe"]],
    ["the next character must not continue the word", "@Benjamin and @Bens", ["benj"]],
    ["e-mail addresses are not mentions", "write to ben@okafor.test or x@Ben", []],
    ["each member once, in order", "@Helen @Ben Okafor @Park", ["helen", "ben"]],
    ["punctuation after a name", "(@Ben Okafor) and @Park.", ["ben", "helen"]],
    ["a bare @", "email me @ home", []],
    ["a name with its title", "@Prof. Helen Park said", ["helen"]],
  ];
  for (const [name, text, expected] of cases) it(name, () => expect(findMentions(text, members)).toEqual(expected));
});
