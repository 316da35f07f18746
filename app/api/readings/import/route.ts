// POST /api/readings/import – convert an uploaded file (the request body; its name in
// X-File-Name) into a reading body to preview and fix before publishing. Stores nothing.
import { route } from "@/lib/http/route";
import { readRawBody } from "@/lib/http/input";
import { requireTeaching } from "@/lib/revisions/access";
import { convertOffThread } from "@/lib/revisions/off-thread";
import { MAX_UPLOAD_BYTES } from "@/lib/documents/import";

export const POST = route(async ({ db, actor, req }) => {
  await requireTeaching(db, await actor());
  const name = decodeURIComponent(req.headers.get("x-file-name") ?? "").trim() || null;
  return convertOffThread(await readRawBody(req, MAX_UPLOAD_BYTES), name);
});
