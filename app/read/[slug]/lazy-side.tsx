"use client";

import dynamic from "next/dynamic";

// Links and questions are loaded after the page comes to life, in chunks of their own:
// the reading itself needs none of their code, and the reader's first JavaScript stays
// small. Their markers are placed from the rendered text in any case.
const loading = () => <p className="p-2 text-sm text-grey-7">Loading…</p>;

export const LazyLinkMarkers = dynamic(() => import("./links/link-markers").then((m) => m.LinkMarkers), { ssr: false });
export const LazyQuestionMarkers = dynamic(() => import("./questions/question-markers").then((m) => m.QuestionMarkers), { ssr: false });
export const LazyConnectionsPanel = dynamic(() => import("./links/connections-panel").then((m) => m.ConnectionsPanel), { ssr: false, loading });
export const LazyQuestionsTab = dynamic(() => import("./questions/questions-tab").then((m) => m.QuestionsTab), { ssr: false, loading });

// Only a signed-in member annotates: everyone else never downloads the annotation layer.
export const LazyAnnotator = dynamic(() => import("./annotator").then((m) => m.Annotator));
