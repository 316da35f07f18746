"use client";

import { createContext } from "react";
import type { MentionMember } from "./mention-suggest";

/**
 * The seminar's members, for @mention suggestions in any editor under the reader.
 * Empty outside a seminar: the editor then offers no suggestions.
 */
export const MentionMembers = createContext<readonly MentionMember[]>([]);
