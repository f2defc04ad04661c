#include "server/services/staff_audit.h"

#include "server/clock/clock.h"
#include "server/services/service_context.h"
#include "server/store/database.h"
#include "server/store/staff_audit_store.h"

namespace isp::services {

void record_staff_event(store::Connection& c, const Clock& clock, std::string_view event,
                        const std::optional<std::string>& account_id, std::string_view email, const StaffActor& actor,
                        std::string_view detail) {
    StaffAuditEntry e;
    e.at = clock.now_iso();
    e.event = std::string(event);
    e.account_id = account_id;
    e.email = std::string(email);
    e.actor = actor.name;
    e.client_address = actor.client_address;
    e.detail = std::string(detail);
    store::insert_staff_audit(c, e);
}

Page<StaffAuditEntry> staff_audit_page(ServiceContext& ctx, std::string_view account_id, std::int64_t limit,
                                       std::int64_t offset) {
    return ctx.db.read([&](store::Connection& c) {
        Page<StaffAuditEntry> page;
        page.total = store::count_staff_audit(c, account_id);
        page.items = store::list_staff_audit(c, account_id, limit, offset);
        return page;
    });
}

} // namespace isp::services
