#include "server/services/contract_records.h"

#include <map>

#include "server/services/failure.h"
#include "server/services/service_context.h"
#include "server/store/catalog_store.h"
#include "server/store/contract_store.h"
#include "server/store/database.h"
#include "server/store/scheduled_change_store.h"

namespace isp::services {
namespace {

Failure no_contract(const std::string& id) {
    return Failure(FailureKind::NotFound, "contract_not_found", "No contract " + id + ".");
}

} // namespace

Page<ContractListing> list_contracts(ServiceContext& context, const ContractFilter& filter, const ContractSort& sort,
                                     std::int64_t limit, std::int64_t offset) {
    return context.db.read([&](store::Connection& c) {
        std::map<std::string, Offer> offers;
        for (Offer& o : store::list_offers(c, false))
            offers.emplace(o.offer_id, std::move(o));
        Page<ContractListing> page;
        for (Contract& k : store::list_contracts_page(c, filter, sort, limit, offset)) {
            const auto it = offers.find(k.offer_id);
            page.items.push_back({std::move(k), it == offers.end() ? std::nullopt : std::optional<Offer>(it->second)});
        }
        page.total = store::count_contracts(c, filter);
        return page;
    });
}

ContractDetail get_contract(ServiceContext& context, const std::string& contract_id) {
    auto detail = context.db.read([&](store::Connection& c) -> std::optional<ContractDetail> {
        const auto k = store::find_contract(c, contract_id);
        if (!k)
            return std::nullopt;
        return contract_detail(c, *k);
    });
    if (!detail)
        throw no_contract(contract_id);
    return std::move(*detail);
}

ContractDetail contract_detail(ServiceContext& context, const Contract& contract) {
    return context.db.read([&](store::Connection& c) { return contract_detail(c, contract); });
}

ContractDetail contract_detail(store::Connection& c, const Contract& k) {
    return {k, store::find_offer(c, k.offer_id), store::list_offer_periods(c, k.contract_id),
            store::list_status_periods(c, k.contract_id), store::list_pending_changes(c, k.contract_id)};
}

Page<AuditRecord> contract_audit(ServiceContext& context, const std::string& contract_id, std::int64_t limit,
                                 std::int64_t offset) {
    auto page = context.db.read([&](store::Connection& c) -> std::optional<Page<AuditRecord>> {
        if (!store::find_contract(c, contract_id))
            return std::nullopt;
        return Page<AuditRecord>{store::count_contract_audit(c, contract_id),
                                 store::list_contract_audit_page(c, contract_id, limit, offset)};
    });
    if (!page)
        throw no_contract(contract_id);
    return std::move(*page);
}

StaffPlanChange change_plan_for_staff(ServiceContext& context, const std::string& contract_id,
                                      const std::string& offer_id, const std::string& effective_date,
                                      const std::string& actor) {
    return context.db.write([&](store::Connection& c) {
        auto done =
            change_plan_as_staff(c, contract_id, offer_id, effective_date, actor, context.clock, context.documents);
        ContractDetail detail = contract_detail(c, done.contract);
        return StaffPlanChange{std::move(detail), std::move(done)};
    });
}

} // namespace isp::services
