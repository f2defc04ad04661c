#include "server/services/payment_history.h"

#include "server/services/service_context.h"
#include "server/store/database.h"
#include "server/store/payment_store.h"

namespace isp::services {

Page<PaymentRecord> list_payments(ServiceContext& context, const PaymentFilter& filter, std::int64_t limit,
                                  std::int64_t offset) {
    return context.db.read([&](store::Connection& c) {
        return Page<PaymentRecord>{store::count_payments(c, filter), store::list_payments(c, filter, limit, offset)};
    });
}

} // namespace isp::services
