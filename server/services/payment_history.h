// The payments recorded so far, for staff lists (process map P14): newest first, by
// invoice, client, method and the days they were received.
#pragma once
#include <cstdint>

#include "server/services/page.h"
#include "shared/collections/payment_record.h"

namespace isp::services {
struct ServiceContext;

Page<PaymentRecord> list_payments(ServiceContext& context, const PaymentFilter& filter, std::int64_t limit,
                                  std::int64_t offset);

} // namespace isp::services
