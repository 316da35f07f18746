// GET /api/notifications?limit=… – my notifications (unread first) and my unread count; limit=0: the count only
import { route } from "@/lib/http/route";
import { listNotificationsQuery } from "@/lib/notifications/schema";
import { listMyNotifications } from "@/lib/notifications/service";

export const GET = route(async ({ db, actor, query }) => listMyNotifications(db, await actor(), query(listNotificationsQuery)));
