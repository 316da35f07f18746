// GET /api/readings/[slug]/versions/[n]/upload – the file a version was made from, as
// uploaded (its provenance), for anyone who may read the reading
import { route } from "@/lib/http/route";
import { versionUpload } from "@/lib/revisions/history";

const types = { html: "text/html", markdown: "text/markdown", text: "text/plain" } as const;

export const GET = route<{ slug: string; n: string }>(async ({ db, optionalActor, params }) => {
  const upload = await versionUpload(db, (await optionalActor())?.id ?? null, params.slug, params.n);
  return new Response(upload.text, {
    headers: {
      "Content-Type": `${types[upload.format as keyof typeof types] ?? "text/plain"}; charset=utf-8`,
      // A download, never a page of this site: an uploaded HTML file may hold scripts.
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(upload.name)}`,
      "Content-Security-Policy": "sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
