// GET /api/notes/[id]/annotation – the note as a W3C Web Annotation (JSON-LD)
import { route } from "@/lib/http/route";
import { exportNote } from "@/lib/annotations/service";
import { ANNOTATION_MEDIA_TYPE } from "@/lib/annotations/w3c";

export const GET = route<{ id: string }>(
  async ({ db, actor, params, url }) => exportNote(db, await actor(), params.id, url.origin),
  { contentType: ANNOTATION_MEDIA_TYPE },
);
